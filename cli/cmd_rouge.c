/* Placeholder until the subcommand lands: says so and fails as a usage error. */
#include "commands.h"

int cmd_rouge(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_error(EXIT_USAGE, "'rouge' is not implemented yet");
}
