#!/usr/bin/env python3
"""Writes a synthetic archive of N published documents for bench/search_size.sh.

Usage: search_archive.py OUT_DIR [N]   (default N = 50000)

The text is made of invented words drawn with a Zipf-like law, as natural language is: a few
words ("the", "of") stand in almost every document, most words in a handful. Letters of 150 to
900 words in numbered paragraphs, some documents, a chain of drafts and a few rounds; accented
words so folding is exercised. Deterministic: the same N gives the same files.
"""
import os
import random
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
rng = random.Random(14)

COMMON = ("the of and to in a for that on with by is as be are this from at it which or its "
          "an will all we their not have has was these our also would should may can States "
          "Member migration migrants compact global international national cooperation").split()
SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo lu ma me mi mo mu "
             "na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo za ze "
             "ré lé dé è ü ñ ça").split()
vocab = []
seen = set()
while len(vocab) < 40000:
    w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    if w not in seen:
        seen.add(w)
        vocab.append(w)
# Zipf weights over the invented vocabulary; common words drawn separately.
weights = [1.0 / (r + 1) for r in range(len(vocab))]
cum = []
total = 0.0
for w in weights:
    total += w
    cum.append(total)


def word():
    if rng.random() < 0.45:
        return rng.choice(COMMON)
    import bisect
    return vocab[bisect.bisect_left(cum, rng.random() * total)]


def sentence(k):
    ws = [word() for _ in range(k)]
    ws[0] = ws[0].capitalize()
    return " ".join(ws) + "."


def paragraphs(count, numbered):
    out = []
    for i in range(count):
        text = " ".join(sentence(rng.randint(8, 20)) for _ in range(rng.randint(2, 5)))
        out.append(f"{i + 1}. {text}" if numbered else text)
    return "\n\n".join(out) + "\n"


def date(i):
    # Spread over 2000-2025, in document order with a little jitter.
    day = 10957 + int(i * 9131 / n)  # days since 1970-01-01
    import datetime
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=day)).isoformat()


os.makedirs(out, exist_ok=True)
for folder in ("letters", "documents", "drafts", "rounds"):
    os.makedirs(os.path.join(out, folder), exist_ok=True)
people = [f"p{i}" for i in range(200)]
with open(os.path.join(out, "archive.toml"), "w") as f:
    f.write('title = "Synthetic archive"\ndescription = "Generated for the search bench"\nbase_url = "/"\nlanguage = "en"\n')
    for p in people:
        f.write(f'\n[people.{p}]\nname = "{word().capitalize()} {word().capitalize()}"\n')
rounds = 20
drafts = 60
for r in range(1, rounds + 1):
    with open(os.path.join(out, "rounds", f"r{r}.md"), "w") as f:
        f.write(f'+++\ntitle = "Session {r}"\ndate = {date(r * n // (rounds + 1))}\nnumber = {r}\n+++\n{paragraphs(3, False)}')
for v in range(1, drafts + 1):
    with open(os.path.join(out, "drafts", f"v{v}.md"), "w") as f:
        f.write(f'+++\ntitle = "Version {v}"\nlabel = "Version {v}"\nversion = {v}\ndate = {date(v * n // (drafts + 1))}\n+++\n'
                f'## Preamble\n\n{paragraphs(rng.randint(20, 60), True)}')
for i in range(n - rounds - drafts):
    kind = "documents" if i % 25 == 0 else "letters"
    front = f'+++\ntitle = "{sentence(rng.randint(4, 10))[:-1]}"\ndate = {date(i)}\n'
    if kind == "letters":
        front += f'from = ["{rng.choice(people)}"]\nto = "All Permanent Representatives"\n'
        if rng.random() < 0.3:
            front += f'rounds = ["r{rng.randint(1, rounds)}"]\n'
    front += "+++\n"
    with open(os.path.join(out, kind, f"d{i:05d}.md"), "w") as f:
        f.write(front + paragraphs(rng.randint(3, 12), rng.random() < 0.5))
