/* The tracker (src/track/, src/api/track.c): outlets from URLs, the sheet's
 * changes between two updates, and the nf_track_* calls on a database in a
 * temporary directory: adding, skipping stored ids, updates written once
 * per change, resuming, read-only handles, refused files. */
#include "test.h"
#include "newsfuse.h"
#include "track/changes.h"
#include "track/outlet.h"
#include "core/alloc.h"
#include <stdlib.h>
#include <unistd.h>

TEST(outlets_are_the_hosts_of_urls)
{
    char o[64];
    CHECK(track_outlet("https://www.Example.org:8080/news/a?x=1", o, sizeof o));
    CHECK_STR(o, "example.org");
    CHECK(track_outlet("http://user:secret@wire.example.net/a", o, sizeof o));
    CHECK_STR(o, "wire.example.net");
    CHECK(!track_outlet(NULL, o, sizeof o) && !*o);
    CHECK(!track_outlet("no scheme here", o, sizeof o) && !*o);
    CHECK(!track_outlet("https:///path", o, sizeof o));
}

static const char first[] = "At least 12 people were killed when the Lantern footbridge collapsed "
                            "into the harbour in Port Avelin on Saturday night, officials said.";
static const char second[] = "The death toll from the Lantern footbridge collapse in Port Avelin "
                             "rose to 14 on Monday, officials said, after two more bodies were found.";

/* The sheet of ds and its changes against prev. */
static void changes_of(const nf_docset *ds, const char *prev, json_t **changes, char **digest)
{
    nf_facts_sheet *sh = NULL;
    json_t *timeline = NULL;
    CHECK(nf_facts(ds, NULL, &sh) == NF_OK);
    CHECK(changes_compute(ds, sh, prev, changes, &timeline, digest) == NF_OK);
    json_decref(timeline);
    nf_facts_free(sh);
}

TEST(a_later_report_is_a_revision_with_from_and_to)
{
    nf_docset *ds = nf_docset_new();
    nf_docset_add(ds, "a1", "Bridge falls", "2026-03-07", first, sizeof first - 1);
    json_t *c1 = NULL, *c2 = NULL, *c3 = NULL;
    char *d1 = NULL, *d2 = NULL, *d3 = NULL;
    changes_of(ds, NULL, &c1, &d1);
    CHECK(json_array_size(json_object_get(c1, "new_figures")) >= 1); /* all new at first */
    CHECK(json_array_size(json_object_get(c1, "revisions")) == 0);
    nf_docset_add(ds, "a2", "Toll rises", "2026-03-09", second, sizeof second - 1);
    changes_of(ds, d1, &c2, &d2);
    json_t *rev = json_array_get(json_object_get(c2, "revisions"), 0);
    CHECK(rev != NULL);
    CHECK(rev && strstr(json_string_value(json_object_get(rev, "from")), "12"));
    CHECK(rev && strstr(json_string_value(json_object_get(rev, "to")), "14"));
    CHECK_STR(rev ? json_string_value(json_object_get(rev, "article")) : NULL, "a2");
    changes_of(ds, d2, &c3, &d3); /* nothing new since: no change */
    CHECK(json_array_size(json_object_get(c3, "new_figures")) == 0);
    CHECK(json_array_size(json_object_get(c3, "revisions")) == 0);
    CHECK_STR(d3, d2);
    json_decref(c1), json_decref(c2), json_decref(c3);
    xfree(d1), xfree(d2), xfree(d3);
    nf_docset_free(ds);
}

TEST(a_value_two_reports_give_is_one_new_figure)
{
    static const char again[] = "Officials said at least 12 people were killed when the footbridge "
                                "in Port Avelin collapsed on Saturday night.";
    nf_docset *ds = nf_docset_new();
    nf_docset_add(ds, "a1", NULL, "2026-03-07", first, sizeof first - 1);
    nf_docset_add(ds, "a2", NULL, "2026-03-07", again, sizeof again - 1);
    json_t *c = NULL;
    char *d = NULL;
    changes_of(ds, NULL, &c, &d);
    size_t twelve = 0, i;
    json_t *f;
    json_array_foreach(json_object_get(c, "new_figures"), i, f)
        twelve += strstr(json_string_value(json_object_get(f, "text")), "12") != NULL;
    CHECK(twelve == 1);
    json_decref(c);
    xfree(d);
    nf_docset_free(ds);
}

static int count_record(const char *record, size_t len, void *arg)
{
    (void)record, (void)len;
    ++*(int *)arg;
    return 0;
}

/* Adds report i of a set of the two invented reports. */
static int add(nf_track *t, int i, int *added)
{
    nf_docset *ds = nf_docset_new();
    nf_docset_add(ds, i ? "a2" : "a1", i ? "Toll rises" : "Bridge falls", i ? "2026-03-09" : "2026-03-07",
                  i ? second : first, i ? sizeof second - 1 : sizeof first - 1);
    int rc = nf_track_add(t, ds, 0, NULL, added);
    nf_docset_free(ds);
    return rc;
}

TEST(tracking_resuming_and_reading)
{
    char dir[] = "/tmp/nf_test_track.XXXXXX", path[64];
    if (!mkdtemp(dir))
        SKIP("no temporary directory");
    snprintf(path, sizeof path, "%s/t.db", dir);
    nf_track *t = NULL, *again = NULL, *r = NULL;
    int added = 0, records = 0;
    CHECK(nf_track_open(path, "w", &t) == NF_OK);
    CHECK(nf_track_open(path, "w", &again) == NF_EIO); /* one writer */
    CHECK(strstr(nf_track_error(again), "another newsfuse track"));
    nf_track_free(again);
    CHECK(add(t, 0, &added) == NF_OK && added == 1);
    CHECK(add(t, 0, &added) == NF_OK && added == 0); /* stored: skipped */
    CHECK(nf_track_flush(t, count_record, &records, NULL) == NF_OK && records == 1);
    CHECK(nf_track_flush(t, count_record, &records, NULL) == NF_OK && records == 1); /* nothing new */
    nf_track_free(t);
    CHECK(nf_track_open(path, "w", &t) == NF_OK); /* resumes */
    CHECK(add(t, 1, &added) == NF_OK && added == 1);
    CHECK(nf_track_flush(t, count_record, &records, NULL) == NF_OK && records == 2);
    long long na = 0, ne = 0;
    CHECK(nf_track_counts(t, &na, &ne) == NF_OK && na == 2 && ne >= 1);
    CHECK(nf_track_open(path, "r", &r) == NF_OK);
    CHECK(add(r, 1, &added) == NF_EINVAL); /* read-only */
    char *json = NULL;
    CHECK(nf_track_event(r, "no-such", &json, NULL) == NF_EEMPTY && !json);
    CHECK(nf_track_events(r, 0, 0, &json, NULL) == NF_EINVAL);
    CHECK(nf_track_events(r, 10, 0, &json, NULL) == NF_OK && json && strstr(json, "\"events\""));
    nf_free(json);
    CHECK(nf_track_assignments(r, &json, NULL) == NF_OK && json && strstr(json, "\"a2\""));
    nf_free(json);
    nf_track_free(r);
    nf_track_free(t);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
}

TEST(a_file_that_is_not_a_track_database_is_refused_untouched)
{
    char dir[] = "/tmp/nf_test_track.XXXXXX", path[64];
    if (!mkdtemp(dir))
        SKIP("no temporary directory");
    snprintf(path, sizeof path, "%s/x.db", dir);
    FILE *f = fopen(path, "w");
    fputs("plain text, not SQLite\n", f);
    fclose(f);
    nf_track *t = NULL;
    CHECK(nf_track_open(path, "w", &t) == NF_EDATA);
    CHECK(t && strstr(nf_track_error(t), "not a newsfuse track database"));
    nf_track_free(t);
    char buf[64] = "";
    f = fopen(path, "r");
    CHECK(f && fgets(buf, sizeof buf, f));
    if (f)
        fclose(f);
    CHECK_STR(buf, "plain text, not SQLite\n");
    snprintf(path, sizeof path, "%s/absent.db", dir);
    CHECK(nf_track_open(path, "r", &t) == NF_EIO); /* a reader creates nothing */
    nf_track_free(t);
    CHECK(access(path, F_OK) != 0);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
}

int main(void)
{
    RUN(outlets_are_the_hosts_of_urls);
    RUN(a_later_report_is_a_revision_with_from_and_to);
    RUN(a_value_two_reports_give_is_one_new_figure);
    RUN(tracking_resuming_and_reading);
    RUN(a_file_that_is_not_a_track_database_is_refused_untouched);
    TEST_EXIT();
}
