#!/usr/bin/env python3
"""Checks a labelled transcript set (stdlib only).

Run: python3 check.py [--require KIND,KIND...] [DIR | file.json ...]
  no argument: every NN-*.json in this directory (the development set);
  DIR: every NN-*.json in DIR (e.g. ../transcripts-heldout).
When a whole directory is checked, every kind in --require (default: all kinds) must occur.
Exit status 1 when any check fails; prints one line of counts per file.
"""
import glob
import json
import os
import re
import sys

KINDS = {"briefing", "press_conference", "interview", "meeting_record", "readout", "joint_statement", "speech"}
QUOTE_TYPES = {"direct_quote", "paraphrase"}
TOP_KEYS = ["url", "outlet", "title", "publishedAt", "country", "kind", "text", "turns", "statements"]
TURN_KEYS = ["label", "start", "speaker", "role", "isQuestion", "asker"]
STMT_KEYS = ["text", "speaker", "quoteType", "inReplyTo", "asker", "signatories"]
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_file(path):
    errors = []

    def err(msg):
        errors.append(msg)

    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        return [f"does not parse: {e}"], None

    if not isinstance(doc, dict):
        return ["top level is not an object"], None
    for k in TOP_KEYS:
        if k not in doc:
            err(f"missing key {k!r}")
    extra = set(doc) - set(TOP_KEYS)
    if extra:
        err(f"unexpected keys {sorted(extra)}")
    if errors:
        return errors, None

    text = doc["text"]
    for k in ["url", "outlet", "country", "text"]:
        if not isinstance(doc[k], str) or not doc[k].strip():
            err(f"{k} must be a non-empty string")
    if doc["title"] is not None and (not isinstance(doc["title"], str) or not doc["title"].strip()):
        err("title must be a non-empty string or null")
    if not isinstance(doc["publishedAt"], str) or not DATE.match(doc["publishedAt"]):
        err(f"publishedAt {doc['publishedAt']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if doc["kind"] not in KINDS:
        err(f"kind {doc['kind']!r} is not one of {sorted(KINDS)}")
    if "\n\n" in text:
        err("text has an empty line (paragraphs are separated by a single \\n)")
    if any(line != line.rstrip() for line in text.split("\n")):
        err("text has a line with trailing white space")

    # turns
    turns = doc["turns"]
    if not isinstance(turns, list) or not turns:
        err("turns must be a non-empty list")
        turns = []
    starts = []
    prev = 0
    for i, t in enumerate(turns):
        where = f"turn {i}"
        if not isinstance(t, dict) or sorted(t) != sorted(TURN_KEYS):
            err(f"{where}: keys must be {TURN_KEYS}")
            starts.append(prev)
            continue
        s = t["start"]
        if not isinstance(s, str) or not s.strip():
            err(f"{where}: start must be a non-empty string")
            starts.append(prev)
            continue
        n_words = len(s.split())
        if n_words > 12:
            err(f"{where}: start has {n_words} words (at most 12)")
        # strictly after the previous start, so that two turns may start with the same words ("Hello.")
        p = text.find(s, prev + 1 if i > 0 else 0)
        if p < 0:
            err(f"{where}: start {s!r} is not in text after the previous turn's start")
            starts.append(prev)
            continue
        if i > 0 and p <= starts[-1]:
            err(f"{where}: start is not after the previous turn's start")
        if t["label"] is not None:
            if not isinstance(t["label"], str) or not t["label"]:
                err(f"{where}: label must be a non-empty string or null")
            else:
                lp = text.rfind(t["label"], prev, p)
                if lp < 0:
                    err(f"{where}: label {t['label']!r} does not occur between the previous turn and this start")
                elif text[lp + len(t["label"]):p].strip():
                    err(f"{where}: words between label and start: {text[lp + len(t['label']):p]!r}")
        if n_words < 6:
            # a shorter start is allowed only when the turn itself is that short
            nxt = len(text)
            if i + 1 < len(turns) and isinstance(turns[i + 1], dict):
                q = text.find(turns[i + 1].get("start") or "\x00", p + 1)
                if q > 0:
                    nxt = q
                    lab = turns[i + 1].get("label")
                    if lab:
                        lq = text.rfind(lab, p + 1, q)
                        if lq > 0:
                            nxt = lq
            first_line = text[p:nxt].split("\n", 1)[0]
            if len(first_line.split()) > n_words:
                err(f"{where}: start {s!r} has fewer than 6 words but the turn's first line is longer")
        if not isinstance(t["isQuestion"], bool):
            err(f"{where}: isQuestion must be true or false")
        if not t["isQuestion"] and t["asker"] is not None:
            err(f"{where}: asker is set on a turn that is not a question")
        for k in ["speaker", "role", "asker"]:
            if t[k] is not None and (not isinstance(t[k], str) or not t[k].strip()):
                err(f"{where}: {k} must be a non-empty string or null")
        starts.append(p)
        prev = p

    # turn spans, to see which turn a statement falls in
    spans = []
    for i, p in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        spans.append((p, end))

    def turn_at(pos):
        for i, (a, b) in enumerate(spans):
            if a <= pos < b:
                return i
        return None

    # statements
    stmts = doc["statements"]
    if not isinstance(stmts, list):
        err("statements must be a list")
        stmts = []
    sprev = 0
    for i, s in enumerate(stmts):
        where = f"statement {i}"
        if not isinstance(s, dict) or sorted(s) != sorted(STMT_KEYS):
            err(f"{where}: keys must be {STMT_KEYS}")
            continue
        st = s["text"]
        if not isinstance(st, str) or not st.strip():
            err(f"{where}: text must be a non-empty string")
            continue
        p = text.find(st, sprev)
        if p < 0:
            if st in text:
                err(f"{where}: text is in text but not after the previous statement (order)")
            else:
                err(f"{where}: text {st[:60]!r}... is not a substring of text")
            continue
        sprev = p
        if st != st.strip():
            err(f"{where}: text has leading or trailing white space")
        if s["quoteType"] not in QUOTE_TYPES:
            err(f"{where}: quoteType {s['quoteType']!r}")
        ti = turn_at(p)
        if ti is not None and isinstance(turns[ti], dict) and turns[ti].get("isQuestion"):
            err(f"{where}: lies in question turn {ti}")
        if s["inReplyTo"] is not None:
            r = s["inReplyTo"]
            if not isinstance(r, str) or r not in text:
                err(f"{where}: inReplyTo is not a substring of text")
            else:
                rp = text.rfind(r, 0, p)
                if rp < 0:
                    err(f"{where}: inReplyTo does not occur before the answer")
                else:
                    rt = turn_at(rp)
                    if rt is None or not turns[rt].get("isQuestion"):
                        err(f"{where}: inReplyTo does not lie in a question turn")
                    elif s["asker"] != turns[rt].get("asker"):
                        err(f"{where}: asker {s['asker']!r} differs from the question turn's {turns[rt].get('asker')!r}")
        elif s["asker"] is not None:
            err(f"{where}: asker set without inReplyTo")
        if not isinstance(s["signatories"], list) or not all(isinstance(x, str) and x for x in s["signatories"]):
            err(f"{where}: signatories must be a list of strings")
        if doc["kind"] == "joint_statement" and len(s["signatories"]) < 2:
            err(f"{where}: a joint statement needs at least two signatories")
        if s["speaker"] is None and not s["signatories"]:
            err(f"{where}: speaker null needs the parties in signatories")
        if s["signatories"] and doc["kind"] == "joint_statement" and s["speaker"] != s["signatories"][0]:
            err(f"{where}: a joint statement's speaker must be its first signatory")

    counts = {
        "kind": doc.get("kind"),
        "country": doc.get("country"),
        "turns": len(turns),
        "questions": sum(1 for t in turns if isinstance(t, dict) and t.get("isQuestion")),
        "statements": len(stmts),
    }
    return errors, counts


def main(argv):
    args = argv[1:]
    required = set(KINDS)
    if args and args[0] == "--require":
        if len(args) < 2:
            print("--require needs a comma-separated list of kinds")
            return 2
        required = {k.strip() for k in args[1].split(",") if k.strip()}
        unknown = required - KINDS
        if unknown:
            print(f"--require: unknown kinds {sorted(unknown)}")
            return 2
        args = args[2:]
    whole_dir = not args or (len(args) == 1 and os.path.isdir(args[0]))
    folder = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    files = sorted(glob.glob(os.path.join(folder, "[0-9][0-9]-*.json"))) if whole_dir else args
    if whole_dir and not files:
        print(f"no NN-*.json files in {folder}")
        return 1
    failed = 0
    kinds = {}
    countries = set()
    for path in files:
        errors, counts = check_file(path)
        name = os.path.basename(path)
        if counts:
            print(f"{name}: {counts['kind']}, {counts['country']}, turns {counts['turns']}, "
                  f"questions {counts['questions']}, statements {counts['statements']}"
                  + ("" if not errors else f", {len(errors)} ERROR(S)"))
            kinds[counts["kind"]] = kinds.get(counts["kind"], 0) + 1
            countries.add(counts["country"])
        else:
            print(f"{name}: ERROR")
        for e in errors:
            print(f"  - {e}")
        failed += bool(errors)
    print(f"{len(files)} files, {failed} failing; kinds: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
          + f"; {len(countries)} issuers")
    if whole_dir:
        missing = required - set(kinds)
        if missing:
            print(f"kinds missing: {sorted(missing)}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
