#!/usr/bin/env python3
"""Builds labelled-stories.jsonl from originals.py: each hand-written wire story plus the syndicated
copies a real feed reader sees of it. Deterministic (fixed seed); run it from this directory with
`python3 generate.py` and commit the output. README.md explains the set."""

import json
import random
import re

from originals import ORIGINALS, SHARED_BACKGROUND

rng = random.Random(20251124)

DATELINES = {
    "ukraine-talks": "KYIV", "central-banks": "FRANKFURT", "storm": "PORT ALDER",
    "tech": "SAN FRANCISCO", "football": "LONDON", "election": "VALDORIA CITY",
}
AGENCIES = ["(Wirewatch Wire)", "(Global Press)", "(NewsDesk)"]
BYLINES = ["By Anna Kowalski", "By James Morton and Priya Shah", "By Staff Writers", "By Elena Rossi"]
# Sign-offs and promotions that partners paste under every story: shared by different stories on purpose.
BOILERPLATE = [
    "Reporting by Anna Kowalski; Additional reporting by Tom Reed; Editing by Mark Heinrich",
    "Sign up here for our daily briefing on the world's top stories, delivered to your inbox every morning.",
    "Our Standards: The Wirewatch Trust Principles.",
    "This article was produced by our partners and is republished with permission.",
    "Follow us on social media for the latest news and analysis from around the world.",
]
LOCAL_CONTEXT = [
    "The news was followed closely by readers in our region, where many families have ties abroad.",
    "Local officials did not immediately respond to a request for comment.",
    "This story has been updated with additional details.",
    "Analysts contacted by this newspaper said the development had been expected for some time.",
]
# Light copy-editing a partner desk does: house style, tense, synonyms.
EDITS = [
    (r"\bsaid on (\w+day)\b", r"said \1"), (r"\bpercent\b", "per cent"), (r"\bU\.S\.", "US"),
    (r"\btold reporters\b", "told journalists"), (r"\bsaid\b", "stated"), (r"\bon Thursday\b", "Thursday"),
    (r"\bmore than\b", "over"), (r"\bhowever\b", "but"), (r"\bbillion dollars\b", "billion US dollars"),
    (r"\bfavour\b", "favor"), (r"\bdefence\b", "defense"),
]


def sentences(paragraph):
    return [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if s]


def dateline(story):
    return f"{DATELINES[story['topic']]} {rng.choice(AGENCIES)} - "


def headline(story):
    forms = [f"UPDATE 1-{story['title']}", story["title"].upper(), f"{story['title']}: what we know",
             f"WRAPUP {story['title']}", f"{story['title']} - sources"]
    return rng.choice(forms)


def with_dateline(paragraphs, story):
    return [dateline(story) + paragraphs[0]] + paragraphs[1:]


def reordered(paragraphs):
    rest = paragraphs[1:]
    rng.shuffle(rest)
    out = []
    for paragraph in [paragraphs[0]] + rest:
        parts = sentences(paragraph)
        rng.shuffle(parts)
        out.append(" ".join(parts))
    return out


def cut(paragraphs):
    keep = max(2, round(len(paragraphs) * rng.uniform(0.5, 0.7)))
    return paragraphs[:keep]


def boilerplate(paragraphs):
    tail = rng.sample(BOILERPLATE, 2)
    return [rng.choice(BYLINES)] + paragraphs + tail


def edited(paragraphs):
    out = []
    for paragraph in paragraphs:
        for pattern, replacement in rng.sample(EDITS, 4):
            paragraph = re.sub(pattern, replacement, paragraph, count=1)
        out.append(paragraph)
    # Drop the last sentence of one multi-sentence paragraph, add one line of local context.
    candidates = [i for i, p in enumerate(out) if len(sentences(p)) > 1]
    if candidates:
        i = rng.choice(candidates)
        out[i] = " ".join(sentences(out[i])[:-1])
    out.insert(rng.randrange(1, len(out) + 1), rng.choice(LOCAL_CONTEXT))
    return out


VARIANTS = {
    "headline": lambda p, s: with_dateline(p, s),
    "reordered": lambda p, s: reordered(p),
    "cut": lambda p, s: with_dateline(cut(p), s),
    "boilerplate": lambda p, s: boilerplate(p),
    "edited": lambda p, s: edited(p),
    "cut-edited-boilerplate": lambda p, s: boilerplate(edited(cut(reordered(p)))),
}


def main():
    rows = []
    by_topic = {}
    for story in ORIGINALS:
        by_topic.setdefault(story["topic"], []).append(story)
    for topic, stories in by_topic.items():
        # Every other story of a topic repeats the topic's background paragraph, as agency copy does.
        for index, story in enumerate(stories):
            paragraphs = list(story["paragraphs"])
            if index % 2 == 0:
                paragraphs.append(SHARED_BACKGROUND[topic])
            start = rng.randrange(0, 48 * 60)
            rows.append(dict(id=f"{story['key']}/original", cluster=story["key"], topic=topic,
                             variant="original", minute=start, title=story["title"],
                             body="\n".join(paragraphs)))
            for name, make in VARIANTS.items():
                rows.append(dict(id=f"{story['key']}/{name}", cluster=story["key"], topic=topic,
                                 variant=name, minute=start + rng.randrange(-60, 12 * 60),
                                 title=headline(story), body="\n".join(make(list(paragraphs), story))))
    rows.sort(key=lambda row: (row["minute"], row["id"]))
    with open("labelled-stories.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} stories in {len(ORIGINALS)} clusters over {len(by_topic)} topics")


if __name__ == "__main__":
    main()
