#!/usr/bin/env python3
"""Writes a synthetic negotiation archive of a given size in travaux's content format.

Deterministic: the same --docs and --seed give the same bytes (random.Random(seed), no clock).
Shape (bench/README.md, "The synthetic archive"): letters ~70%, drafts ~25% in texts of about six
versions of a 30-80 KB text with `## Objective N` sections and numbered paragraphs, rounds ~5%
with 6-10 sessions; every cross-reference resolves (CONTENT-MODEL.md, "Cross-references").

    bench/generate_archive.py --docs 10000 --out /tmp/archive-10000 [--seed 1] [--single-text]
"""

import argparse
import bisect
import datetime
import os
import random
import shutil

# Every draft keeps at least this many objectives and numbered paragraphs, so a mention of
# "Objective N" or "paragraph N" with N up to these resolves whichever draft is in force
# (CONTENT-MODEL.md, "Edge rules": a number the draft in force lacks is an error).
MIN_OBJECTIVES = 10
MIN_PARAGRAPHS = 60
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
START = datetime.date(1960, 1, 4)

# Prose vocabulary: no word that the mention scanner looks for (round, objective, paragraph,
# letter, draft, digits, capitalised names), so only the mentions placed on purpose are linked.
WORDS = """states parties commit cooperation capacity data migrants workers rights protection
dignity access services border management return reintegration labour mobility skills recognition
remittances financial inclusion diaspora contributions development climate disasters environmental
degradation displacement vulnerability assessment screening referral children families unity
detention alternatives consular assistance identity documentation registration legal identity
smuggling trafficking victims prosecution prevention partnerships regional international
organizations civil society academia private sector local authorities implementation follow
review progress forum voluntary national reports evidence policies gender responsive child
sensitive whole society approach shared responsibility sovereignty rule law due process human
sustainable information accurate timely public discourse discrimination racism xenophobia
integration social cohesion health care education training employment decent work wages
recruitment fees contracts inspection complaints mechanisms pathways regular admission stay
humanitarian visas family reunification study research exchange programmes transparency""".split()
CONNECTORS = ["and", "or", "with", "for", "through", "towards", "across", "within", "including",
              "while", "by", "to", "from", "among"]
VERBS = ["strengthen", "promote", "ensure", "develop", "support", "enhance", "establish", "review",
         "facilitate", "improve", "encourage", "invest in", "build", "protect", "uphold"]
TOPICS = ["border management", "labour migration", "remittances", "climate displacement",
          "return and readmission", "detention", "consular protection", "data", "smuggling",
          "trafficking", "integration", "skills", "family reunification", "children", "gender",
          "health", "education", "diaspora", "recruitment", "identity documents",
          "programme of work", "financing", "follow-up", "capacity building", "réinstallation"]
PLACES = ["New York", "Geneva", "Vienna", "Nairobi", "Bangkok", "Santiago", "Addis Ababa",
          "Marrakech", "Puerto Vallarta", "Brussels"]
ROOMS = ["Conference Room 1", "Conference Room 4", "Trusteeship Council Chamber",
         "ECOSOC Chamber", "Assembly Hall"]
SESSION_KINDS = ["negotiation", "negotiation", "negotiation", "informal-dialogue", "hearing",
                 "briefing", "other"]
FIRST = ["Ana", "Bruno", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jürg",
         "Kofi", "Leila", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sami", "Tomás"]
LAST = ["Abebe", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ito",
        "Jansen", "Kim", "Lauber", "Mensah", "Novak", "Okafor", "Pereira", "Quispe", "Rossi",
        "Singh", "Tanaka"]


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items):
    return "[" + ", ".join(toml_str(i) for i in items) + "]"


class Prose:
    """A pool of sentences built once; paragraphs are drawn from it, which keeps generation
    linear and fast (hundreds of MB at 50,000 documents)."""

    def __init__(self, rng, size=20000):
        self.rng = rng
        self.pool = [self._sentence() for _ in range(size)]

    def _sentence(self):
        r = self.rng
        words = [r.choice(VERBS)]
        for _ in range(r.randint(3, 6)):
            words.append(r.choice(WORDS))
            words.append(r.choice(CONNECTORS))
        words.append(r.choice(WORDS))
        return " ".join(words) + "."

    def sentence(self):
        s = self.rng.choice(self.pool)
        return s[0].upper() + s[1:]

    def paragraph(self, lo=3, hi=6):
        return " ".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def reword(self, text):
        """A few words changed, one sentence added or dropped: a realistic revision."""
        r = self.rng
        words = text.split(" ")
        for _ in range(r.randint(1, 4)):
            i = r.randrange(len(words))
            if words[i].isalpha() and words[i].islower():
                words[i] = r.choice(WORDS)
        text = " ".join(words)
        if r.random() < 0.4:
            text += " " + self.sentence()
        return text


def date_str(d):
    return d.isoformat()


def human(d):
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


class Generator:
    def __init__(self, docs, seed, single_text):
        self.rng = random.Random(seed)
        self.prose = Prose(self.rng)
        self.single_text = single_text
        self.n_rounds = max(2, round(docs * 0.05))
        self.n_drafts = max(6, round(docs * 0.25))
        self.n_letters = max(1, docs - self.n_rounds - self.n_drafts)
        self.n_texts = 1 if single_text else max(1, round(self.n_drafts / 6))
        self.span = max(400, int(docs * 0.75))  # days the archive covers
        self.people = self._people(max(10, docs // 50))
        self.texts = []    # per text: list of draft records
        self.drafts = []   # every draft record, in date order
        self.rounds = []
        self.letters = []

    def _people(self, n):
        people = []
        for i in range(n):
            name = f"{FIRST[i % 20]} {LAST[(i // 20) % 20]}"
            people.append({"id": f"p{i:05d}", "name": name + (f" ({i // 400})" if i >= 400 else ""),
                           "role": f"Delegate of member state {i % 193 + 1}"})
        return people

    # ---- the plan: ids and dates first, so every reference can point at something real ----

    def plan(self):
        r = self.rng
        per_text = [self.n_drafts // self.n_texts] * self.n_texts
        for i in range(self.n_drafts % self.n_texts):
            per_text[i] += 1
        for t, count in enumerate(per_text):
            # Text 0 starts on day 0, so every later document has a draft in force.
            day = 0 if t == 0 else r.randrange(0, max(1, self.span - 60 * count))
            gap = max(1, (self.span - day) // (count + 1)) if self.single_text else r.randint(20, 90)
            versions = []
            for v in range(1, count + 1):
                d = {"id": f"t{t:04d}-v{v}", "text": f"text-{t:04d}", "version": v,
                     "date": START + datetime.timedelta(days=min(day, self.span)),
                     "alias": f"text T{t} version {v}", "t": t}
                versions.append(d)
                day += gap
            self.texts.append(versions)
            self.drafts.extend(versions)
        self.drafts.sort(key=lambda d: (d["date"], d["version"], d["id"]))
        self.draft_dates = [d["date"] for d in self.drafts]
        for n in range(1, self.n_rounds + 1):
            day = 1 + (n - 1) * (self.span - 10) // self.n_rounds
            start = START + datetime.timedelta(days=day)
            sessions = r.randint(6, 10)  # three a day: 09:00, 12:00, 15:00
            self.rounds.append({"id": f"round-{n}", "number": n, "date": start, "sessions": sessions,
                                "end": start + datetime.timedelta(days=(sessions - 1) // 3)})
        self.round_dates = [x["date"] for x in self.rounds]
        for i in range(self.n_letters):
            d = START + datetime.timedelta(days=r.randint(1, self.span))
            self.letters.append({"id": f"l{i:06d}", "date": d, "i": i})
        self.letters.sort(key=lambda l: (l["date"], l["id"]))
        counts = {}
        for l in self.letters:
            counts[l["date"]] = counts.get(l["date"], 0) + 1
        self.unique_date_letters = [l for l in self.letters if counts[l["date"]] == 1]
        for k, l in enumerate(self.letters):
            l["alias"] = f"communication C{l['i']}" if k % 7 == 0 else None

    def drafts_before(self, date):
        """The last drafts dated on or before `date`."""
        i = bisect.bisect_right(self.draft_dates, date)
        return self.drafts[max(0, i - 64):i]

    def rounds_before(self, date):
        i = bisect.bisect_right(self.round_dates, date)
        return self.rounds[max(0, i - 12):i]

    # ---- mentions of every kind -----------------------------------------------------------

    def mention(self, date, own_id):
        """One sentence holding a cross-reference that resolves for a document dated `date`."""
        r = self.rng
        kind = r.randrange(11)
        drafts = [d for d in self.drafts_before(date) if d["id"] != own_id]
        rounds = [x for x in self.rounds_before(date) if x["id"] != own_id] or self.rounds[:1]
        s = self.prose.sentence()[:-1]
        if kind == 0:
            n = r.randint(1, MIN_OBJECTIVES)
            return f"{s}, as Objective {n} sets out."
        if kind == 1:
            a, b = sorted(r.sample(range(1, MIN_OBJECTIVES + 1), 2))
            return f"{s} under Objectives {a}, {b} and {MIN_OBJECTIVES}."
        if kind == 2:
            n = r.randint(1, MIN_PARAGRAPHS)
            return f"{s}, see paragraph {n}."
        if kind == 3:
            a = r.randint(1, MIN_PARAGRAPHS - 3)
            return f"{s} (paragraphs {a}-{a + 2})."
        if kind == 4 and rounds:
            x = r.choice(rounds)
            if x["number"] <= 12 and r.random() < 0.5:
                return f"{s} during the {ORDINALS[x['number'] - 1]} round."
            return f"{s} at round {x['number']}."
        if kind == 5 and drafts:
            d = r.choice(drafts)
            return f"{s}, in the words of {d['alias']}."
        if kind == 6 and drafts:
            d = r.choice(drafts)
            return f"{s}, following paragraph {r.randint(1, MIN_PARAGRAPHS)} of {d['alias']}."
        if kind == 7 and drafts:
            d = r.choice(drafts)
            return f"{s} ([Objective {r.randint(1, MIN_OBJECTIVES)}](@{d['id']}#objective-{r.randint(1, MIN_OBJECTIVES)}))."
        if kind == 8 and drafts:
            d = r.choice(drafts)
            return f"{s}, as set out in [the text of {human(d['date'])}](../drafts/{d['id']}.md#para-{r.randint(1, MIN_PARAGRAPHS)})."
        return self.letter_mention(s, date, own_id, kind)

    def letter_mention(self, s, date, own_id, kind):
        r = self.rng
        i = bisect.bisect_right(self.letter_dates, date)
        pool = [l for l in self.letters[max(0, i - 50):i] if l["id"] != own_id]
        if not pool:
            return f"{s}, as [the first round](@{self.rounds[0]['id']}) agreed."
        l = r.choice(pool)
        if kind == 9 and l["alias"]:
            return f"{s}, as {l['alias']} recalls."
        if kind == 9:
            return f"{s} ([see the reply](@{l['id']}))."
        j = bisect.bisect_right(self.unique_dates, date)
        u = [x for x in self.unique_letters[max(0, j - 20):j] if x["id"] != own_id]
        if u and r.random() < 0.5:
            return f"{s}, as the letter of {human(r.choice(u)['date'])} explained."
        return f"{s} ([earlier correspondence](../letters/{l['id']}.md))."

    def index_letters(self):
        """Sorted dates of all letters and of the letters alone on their date, so a document
        finds the letters dated on or before it by binary search (the generator stays n log n)."""
        self.letter_dates = [l["date"] for l in self.letters]
        self.unique_letters = self.unique_date_letters
        self.unique_dates = [l["date"] for l in self.unique_letters]

    # ---- files ------------------------------------------------------------------------------

    def write(self, out):
        if os.path.exists(out):
            shutil.rmtree(out)
        for sub in ("letters", "drafts", "rounds", "static/pdf"):
            os.makedirs(os.path.join(out, sub))
        self.index_letters()
        with open(os.path.join(out, "static/pdf/annex.pdf"), "w") as f:
            f.write("%PDF-1.4 placeholder annex\n")
        self.write_config(out)
        self.write_about(out)
        for versions in self.texts:
            self.write_text(out, versions)
        for x in self.rounds:
            self.write_round(out, x)
        for l in self.letters:
            self.write_letter(out, l)

    def write_config(self, out):
        lines = ['title = "Synthetic negotiation archive"',
                 'description = "Generated by bench/generate_archive.py for benchmarks."',
                 'base_url = "/"', 'language = "en"', 'theme = "default"', "",
                 "[process]", 'name = "Synthetic intergovernmental negotiations"',
                 f"start = {date_str(START)}",
                 f"end = {date_str(START + datetime.timedelta(days=self.span))}", ""]
        for p in self.people:
            lines += [f"[people.{p['id']}]", f"name = {toml_str(p['name'])}", f"role = {toml_str(p['role'])}", ""]
        with open(os.path.join(out, "archive.toml"), "w") as f:
            f.write("\n".join(lines))

    def write_about(self, out):
        body = ("This archive is synthetic. It exercises every kind of cross-reference: aliases, "
                "rounds, objectives and paragraphs of the text in force, explicit links.\n\n"
                "| kind | share |\n|---|---|\n| letters | 70% |\n| drafts | 25% |\n| rounds | 5% |\n\n"
                "Generated text is ~~hand written~~ machine written; see www.example.org or "
                "https://example.org/archive for the method.[^1]\n\n"
                "[^1]: bench/README.md explains the generator.\n")
        with open(os.path.join(out, "about.md"), "w") as f:
            f.write(f'+++\ntitle = "About this archive"\ndate = {date_str(START)}\n+++\n\n{body}')

    def first_version_sections(self, t):
        r = self.rng
        n_obj = r.randint(MIN_OBJECTIVES, 23)
        target = r.randint(30_000, 80_000)
        per_para = 450
        n_paras = max(MIN_PARAGRAPHS + 10, target // per_para)
        heads = ["Preamble", "Vision and guiding principles"]
        heads += [f"Objective {k}: {r.choice(VERBS).capitalize()} {r.choice(WORDS)} and {r.choice(WORDS)}"
                  for k in range(1, n_obj + 1)]
        heads += ["Implementation", "Follow-up and review"]
        sections = [[h, []] for h in heads]
        for i in range(n_paras):
            sections[min(len(sections) - 1, i * len(sections) // n_paras)][1].append(self.prose.paragraph())
        return sections

    def revise(self, sections):
        """The next version: a few paragraphs reworded, some added, some removed (which
        renumbers every paragraph after them)."""
        r = self.rng
        new = [[h, list(ps)] for h, ps in sections]
        total = sum(len(ps) for _, ps in new)
        for _ in range(r.randint(3, 8)):
            h, ps = r.choice(new)
            if ps:
                i = r.randrange(len(ps))
                ps[i] = self.prose.reword(ps[i])
        for _ in range(r.randint(0, 3)):
            r.choice(new)[1].insert(0, self.prose.paragraph())
            total += 1
        for _ in range(r.randint(0, 3)):
            h, ps = r.choice(new)
            if len(ps) > 1 and total > MIN_PARAGRAPHS + 5:
                del ps[r.randrange(len(ps))]
                total -= 1
        return new

    def write_text(self, out, versions):
        sections = self.first_version_sections(versions[0]["t"])
        for k, d in enumerate(versions):
            if k:
                sections = self.revise(sections)
            label = "Zero draft" if k == 0 else ("Final" if k == len(versions) - 1 else f"Rev {k}")
            status = "zero draft" if k == 0 else ("final" if k == len(versions) - 1 else "revision")
            fm = [f"title = {toml_str('Text %d: %s' % (d['t'], label))}", f"date = {date_str(d['date'])}",
                  f"version = {d['version']}", f"label = {toml_str(label)}", f"status = {toml_str(status)}",
                  f"aliases = {toml_list([d['alias']])}",
                  f"topics = {toml_list(self.rng.sample(TOPICS, 2))}"]
            if not self.single_text:
                fm.insert(2, f"text = {toml_str(d['text'])}")
            if k:
                fm.append(f"supersedes = {toml_str(versions[k - 1]['id'])}")
            body, n = [], 0
            for h, ps in sections:
                body.append(f"## {h}\n")
                for p in ps:
                    n += 1
                    if n % 40 == 7:  # a draft refers to its own paragraphs and to the text in force
                        p += " " + self.mention(d["date"], d["id"])
                    body.append(f"{n}. {p}\n")
            with open(os.path.join(out, "drafts", d["id"] + ".md"), "w") as f:
                f.write("+++\n" + "\n".join(fm) + "\n+++\n\n" + "\n".join(body))

    def write_round(self, out, x):
        r = self.rng
        fm = [f"title = {toml_str('Round %d of negotiations' % x['number'])}", f"date = {date_str(x['date'])}",
              f"end = {date_str(x['end'])}", f"number = {x['number']}",
              f"location = {toml_str(r.choice(PLACES))}"]
        in_force = self.drafts_before(x["date"])
        if in_force:
            fm.append(f"drafts = {toml_list([in_force[-1]['id']])}")
        fm.append(f"topics = {toml_list(r.sample(TOPICS, 2))}")
        for s in range(x["sessions"]):
            day = x["date"] + datetime.timedelta(days=s // 3)
            hour = 9 + 3 * (s % 3)
            fm += ["", "[[sessions]]", f"date = {date_str(day)}", f'start = "{hour:02d}:00"',
                   f'end = "{hour + 2:02d}:30"',
                   f"title = {toml_str('Objectives ' + str(s + 1) + '-' + str(s + 3))}",
                   f"room = {toml_str(r.choice(ROOMS))}", f"kind = {toml_str(r.choice(SESSION_KINDS))}"]
        body = [self.prose.paragraph() + " " + self.mention(x["date"], x["id"]) for _ in range(3)]
        with open(os.path.join(out, "rounds", x["id"] + ".md"), "w") as f:
            f.write("+++\n" + "\n".join(fm) + "\n+++\n\n" + "\n\n".join(body) + "\n")

    def write_letter(self, out, l):
        r = self.rng
        senders = r.sample(self.people, r.randint(1, 2))
        fm = [f"title = {toml_str('Communication %d on %s' % (l['i'], r.choice(TOPICS)))}",
              f"date = {date_str(l['date'])}", f"from = {toml_list([p['id'] for p in senders])}",
              f"to = {toml_str('All permanent missions')}", f"place = {toml_str(r.choice(PLACES))}",
              f"topics = {toml_list(r.sample(TOPICS, r.randint(1, 3)))}"]
        if l["alias"]:
            fm.append(f"aliases = {toml_list([l['alias']])}")
        if l["i"] % 11 == 0:
            fm.append('attachments = ["static/pdf/annex.pdf"]')
        elif l["i"] % 17 == 0:  # a cover letter: the draft it transmits
            fm.append(f"attachments = {toml_list([self.drafts_before(l['date'])[-1]['id']])}")
        if l["i"] % 5 == 0:
            rounds = self.rounds_before(l["date"])
            if rounds:
                fm.append(f"rounds = {toml_list([rounds[-1]['id']])}")
        paras = []
        numbered = l["i"] % 4 == 0
        for k in range(r.randint(3, 7)):
            p = self.prose.paragraph(2, 4)
            if r.random() < 0.7:
                p += " " + self.mention(l["date"], l["id"])
            paras.append(f"{k + 1}. {p}" if numbered else p)
        if l["i"] % 13 == 0:
            paras.append("| item | status |\n|---|---|\n| data | ~~pending~~ agreed |\n\n"
                         "Details at www.example.org and https://example.org/notes.[^n]\n\n"
                         "[^n]: Circulated with the annex.")
        with open(os.path.join(out, "letters", l["id"] + ".md"), "w") as f:
            f.write("+++\n" + "\n".join(fm) + "\n+++\n\n" + "\n\n".join(paras) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, required=True, help="letters + drafts + rounds")
    ap.add_argument("--out", required=True, help="the content folder to (re)create")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--single-text", action="store_true",
                    help="every draft in one chain, no `text` key (for a travaux without multiple texts)")
    args = ap.parse_args()
    g = Generator(args.docs, args.seed, args.single_text)
    g.plan()
    g.write(args.out)
    print(f"{args.out}: {len(g.letters)} letters, {len(g.drafts)} drafts in {len(g.texts)} texts, "
          f"{len(g.rounds)} rounds, {len(g.people)} people")


if __name__ == "__main__":
    main()
