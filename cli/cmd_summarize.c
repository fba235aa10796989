/* Placeholder until the subcommand lands. */
#include "commands.h"

int cmd_summarize(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_error(EXIT_USAGE, "'summarize' is not implemented yet");
}
