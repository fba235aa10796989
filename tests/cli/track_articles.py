#!/usr/bin/env python3
"""An invented article stream for tests/cli/track.sh: EVENTS events in
invented places, ARTICLES articles each, interleaved in date order; each
event's death toll rises from article to article (revisions) and two
reports of each event disagree on the injured (a conflict).
With "spaced", event e starts on day 5e (each event's articles span two
days), so a clusterer with a window of two days keeps them apart.
usage: track_articles.py EVENTS ARTICLES [spaced] > stream.jsonl"""
import datetime
import json
import random
import sys

PLACES = ["Varnholm", "Estmark", "Kelderby", "Ostrava Bay", "Marrowgate", "Tillhaven", "Brisca",
          "Quenby", "Halvard Sound", "Dunmere", "Pellinor", "Saltreach", "Corvanne", "Ysterfell",
          "Lowbridge", "Amberlea", "Kastor", "Nightmoor", "Redwater", "Falkreth", "Gorsedd",
          "Ulmsted", "Wyrmhold", "Zennor", "Thistlecombe", "Brannock", "Oakhurst", "Mirefield"]
KINDS = [("flood", "floodwaters swept through"), ("earthquake", "an earthquake struck"),
         ("ferry sinking", "a ferry capsized off"), ("mine collapse", "a mine collapsed near"),
         ("factory fire", "a fire tore through a factory in"), ("landslide", "a landslide buried homes in"),
         ("train crash", "two trains collided outside"), ("storm", "a storm battered")]
OUTLETS = ["Meridian Wire", "Harbor Post", "Northern Ledger", "Daily Compass", "Civic Herald"]


def words(rnd, n):
    """n invented words (syllables drawn by rnd): an event's own vocabulary."""
    syl = ["ka", "lo", "mer", "vin", "tas", "ru", "quel", "dor", "bi", "sten", "ah", "zu", "fen", "ort"]
    return ["".join(rnd.choice(syl) for _ in range(3)) for _ in range(n)]


def article(e, k, place, kind, verb, day, toll, own):
    injured = 40 + e if k % 2 == 0 else 52 + e
    title = "%s %s: %d dead" % (place, kind, toll)
    text = ("%s -- At least %d people were killed after %s %s on %s, officials said. "
            "Rescue teams in %s searched the rubble through the night for survivors of the %s. "
            "Hospitals in %s treated %d people for injuries, according to the %s health ministry. "
            "The %s %s is the worst to hit %s in a decade, residents told reporters from %s. "
            "Report %d of the %s %s follows earlier reports of %d dead."
            % (place.upper(), toll, verb, place, day.strftime("%A"), place, kind, place, injured,
               place, place, kind, place, OUTLETS[k % len(OUTLETS)], k + 1, place, kind,
               max(toll - 3, 1)))
    text += (" Witnesses near %s Street and the %s quarter named %s and %s %s among the first to help, "
             "with volunteers from %s." % (own[0].title(), own[1].title(), own[2].title(),
                                           own[3].title(), own[4].title(), own[5].title()))
    return {"id": "ev%02d-a%02d" % (e, k), "date": day.isoformat(), "title": title, "text": text}


def main():
    events, per = int(sys.argv[1]), int(sys.argv[2])
    spaced = sys.argv[3:] == ["spaced"]
    rnd = random.Random(18)
    start = datetime.date(2026, 3, 1)
    rows = []
    for e in range(events):
        place = PLACES[e % len(PLACES)] + ("" if e < len(PLACES) else " North")
        kind, verb = KINDS[e % len(KINDS)]
        first = start + datetime.timedelta(days=5 * e if spaced else rnd.randrange(0, 60))
        toll = 5 + e
        own = words(rnd, 6)
        for k in range(per):
            day = first + datetime.timedelta(days=k // 3)
            toll += rnd.randrange(1, 4)
            rows.append((day.isoformat(), e, k, article(e, k, place, kind, verb, day, toll, own)))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    for r in rows:
        sys.stdout.write(json.dumps(r[3]) + "\n")


if __name__ == "__main__":
    main()
