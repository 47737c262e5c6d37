#!/usr/bin/env python3
"""A roster the search was never tuned on, for `lanyard-bench roster --roster FILE --queries FILE`.

Names come from Faker's lists for each delegate's country (real given and family names, repeated as real rosters
repeat them: hundreds of Smiths and Annas), in their own script (Albania and Malta, which Faker has no names for,
take Italian ones; Serbia, Montenegro and Bosnia Croatian ones); Latin spellings come from unidecode, which
romanises Cyrillic roughly as passports do, and Greek and Georgian its own way. Countries, categories, organisations
and the programme follow the sample conference. Half the delegates from countries writing Cyrillic, Greek, Armenian
or Georgian are registered in their script, half in Latin with their native name beside it.

Two query files come with it, each query meant to find one delegate (query, reference, kind), the kinds taking
turns as in `lanyard-bench roster`: the start of a family name (one to six letters, nobody in particular), a whole
name as registered, a name typed in the other script, a name with one slip, a reference, the start of an email.
In `QUERIES` a typed name is the family name alone, as a desk starts typing; in `SPECIFIC` it comes with the given
name, and an email address's whole local part, so that each query means one delegate among many of the same name.

    pip install faker unidecode
    python3 outside_roster.py 100000 roster.csv queries.tsv specific.tsv [SEED]

The search was developed against seed 7 (its misses led to the passport spelling and the ranking of whole names one
slip away); figures are reported on other seeds.
"""
import csv
import random
import re
import sys

from faker import Faker
from unidecode import unidecode

SAMPLE = "Sources/SampleConference/conference/"
LOCALES = dict(
    GB="en_GB", IE="ga_IE", FR="fr_FR", BG="bg_BG", AZ="az_AZ", RO="ro_RO", PL="pl_PL", NL="nl_NL", LV="lv_LV",
    HU="hu_HU", GE="ka_GE", RU="ru_RU", MD="ro_RO", LT="lt_LT", EE="et_EE", IT="it_IT", AL="it_IT", MT="it_IT",
    MK="mk_MK", BA="hr_HR", AM="hy_AM", PT="pt_PT", GR="el_GR", BY="ru_RU", UA="uk_UA", TR="tr_TR", LU="fr_FR",
    HR="hr_HR", ES="es_ES", DK="da_DK", BE="nl_BE", AT="de_AT", SI="sl_SI", LI="de_CH", FI="fi_FI", DE="de_DE",
    SM="it_IT", RS="hr_HR", ME="hr_HR", IS="is_IS", CH="de_CH", SE="sv_SE", NO="no_NO", MC="fr_FR", AD="es_ES",
    SK="sk_SK", CZ="cs_CZ", CY="el_GR", VA="it_IT", DG="en_GB")
NATIVE_SCRIPT = {"BG", "GE", "RU", "MK", "AM", "GR", "BY", "UA", "CY"}


def latin(name):
    # unidecode spells the Azerbaijani schwa as "@"; people write "e" or "a".
    return unidecode(name).replace("@", "e")


def name(faker, male, kind):
    method = f"{kind}_name_{'male' if male else 'female'}"
    return getattr(faker, method)() if hasattr(faker, method) else getattr(faker, f"{kind}_name")()


def slip(word, rnd):
    """One letter left out, doubled, swapped with the next or changed; a five-letter name loses one."""
    letters = list(word)
    if len(letters) < 3:
        return word
    at = rnd.randrange(len(letters) - 1)
    kind = 0 if len(letters) == 5 else rnd.randrange(4)
    if kind == 0:
        del letters[at]
    elif kind == 1:
        letters.insert(at, letters[at])
    elif kind == 2:
        letters[at], letters[at + 1] = letters[at + 1], letters[at]
    else:
        letters[at] = "e" if letters[at] == "a" else "a"
    return "".join(letters)


def main(count, roster_path, queries_path, specific_path, seed=7):
    rnd = random.Random(seed)
    Faker.seed(seed)
    with open(SAMPLE + "delegates.csv", encoding="utf-8") as f:
        sample = list(csv.DictReader(f))
    with open(SAMPLE + "sessions.csv", encoding="utf-8") as f:
        sessions = list(csv.DictReader(f))
    fakers = {country: Faker(locale) for country, locale in LOCALES.items()}
    delegates = []
    with open(roster_path, "w", newline="", encoding="utf-8") as f:
        roster = csv.writer(f)
        roster.writerow(sample[0].keys())
        for number in range(1, count + 1):
            model = rnd.choice(sample)
            country = model["country"]
            male = rnd.random() < 0.5
            given, family = name(fakers[country], male, "first"), name(fakers[country], male, "last")
            reference = "OUT-%06d" % number
            in_native = country in NATIVE_SCRIPT and rnd.random() < 0.5
            if country in NATIVE_SCRIPT and not in_native:
                first, last, native = latin(given), latin(family), f"{given} {family}"
            else:
                first, last, native = given, family, ""
            local = re.sub("[^a-z]", "", latin(given).lower()) + "." + re.sub("[^a-z]", "", latin(family).lower())
            email = f"{local}{number % 97}@example.{country.lower()}"
            codes = sorted({rnd.choice(sessions)["code"] for _ in range(rnd.randint(2, 4))})
            days = sorted({s["day"] for s in sessions if s["code"] in codes})
            roster.writerow([
                reference, rnd.choice(["", "", "Dr", "Mr", "Ms", "Insp."]), first, last, native, model["organisation"],
                country, model["category"], email, ";".join(codes), ";".join(days),
                "cancelled" if rnd.random() < 0.02 else "confirmed"])
            delegates.append(dict(
                reference=reference, first=first, last=last, given=given, family=family,
                latin_given=latin(given).lower(), latin_family=latin(family).lower(),
                native=country in NATIVE_SCRIPT, in_native=in_native, email=email))
    write_queries(delegates, queries_path, specific=False, rnd=random.Random(seed + 4))
    write_queries(delegates, specific_path, specific=True, rnd=random.Random(seed + 4))


def write_queries(delegates, path, specific, rnd):
    with open(path, "w", encoding="utf-8") as f:
        for index in range(2000):
            kind = index % 6
            d = rnd.choice(delegates)
            while kind == 3 and len(d["latin_family"]) < 4:
                d = rnd.choice(delegates)
            given = d["latin_given"] + " " if specific else ""
            if kind == 0:
                f.write(f"{d['last'][:1 + (index // 6) % 6]}\t\tprefix\n")
            elif kind == 1:
                f.write(f"{d['first']} {d['last']}\t{d['reference']}\twholeName\n")
            elif kind == 2:
                if not d["native"]:
                    text = given + d["latin_family"]
                elif d["in_native"]:
                    text = given + (d["latin_family"] if specific else d["latin_family"][:6])
                else:
                    text = (d["given"][:3] + " " if specific else "") + d["family"][:4]
                f.write(f"{text}\t{d['reference']}\totherScript\n")
            elif kind == 3:
                f.write(f"{given}{slip(d['latin_family'], rnd)}\t{d['reference']}\ttypo\n")
            elif kind == 4:
                f.write(f"{d['reference']}\t{d['reference']}\treference\n")
            else:
                local = d["email"].split("@")[0] if specific else d["email"][:10]
                f.write(f"{local}\t{d['reference']}\temail\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), *sys.argv[2:5], *(int(seed) for seed in sys.argv[5:6]))
