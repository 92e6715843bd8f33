"""Synthetic news archives for benchmarks: ~400-word articles recombined from a sentence bank.

The sentences restate public facts of the Russia-DPRK rapprochement (2023-2024) in plain news
style, so the coder meets the actors, triggers and modalities it meets in real wire copy. An
article is a deterministic function of its number: the same `n` always gives the same archive,
and a half-written archive can be completed without rewriting what is there.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

OUTLETS = (
    ("Pacific Wire Service", "USA"),
    ("Seoul Daily Monitor", "KOR"),
    ("Tokyo Asia Ledger", "JPN"),
    ("Eurasia Wire", "GBR"),
    ("Lakeside Tribune", "CAN"),
    ("Korea Policy Review", "KOR"),
)

SENTENCES = (
    "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome in the Amur region.",
    "The two leaders toured the rocket assembly halls before holding talks that lasted hours.",
    "South Korea's foreign ministry summoned the Russian ambassador over the arms talks.",
    "Seoul urged Moscow to halt military cooperation with Pyongyang at once.",
    "The White House said North Korea had shipped more than 1,000 containers of munitions "
    "to Russia.",
    "Officials in Washington said the containers travelled by ship from Najin to a Russian "
    "port and then by rail.",
    "The foreign ministers of the United States, Japan and South Korea condemned the arms "
    "deliveries in a joint statement.",
    "South Korea warned that it would respond if Russia transferred weapons technology to "
    "the North.",
    "North Korea placed a military reconnaissance satellite in orbit after two failed attempts.",
    "Analysts said Russian engineers may have helped with the launch.",
    "The United States said North Korea had supplied Russia with ballistic missiles and launchers.",
    "Russian forces fired at least one of the missiles at Ukraine, a spokesman said.",
    "Washington imposed sanctions on three Russian entities involved in the missile transfers.",
    "Russia vetoed the renewal of the mandate of the UN panel that monitored sanctions on "
    "North Korea.",
    "China abstained in the vote, while thirteen members of the Security Council voted in favour.",
    "The Kremlin said Putin's visit to Pyongyang could produce a treaty on a comprehensive "
    "strategic partnership.",
    "Putin arrived in Pyongyang for his first visit to North Korea in 24 years.",
    "Putin and Kim signed the Treaty on Comprehensive Strategic Partnership in Pyongyang.",
    "The treaty obliges each side to give military assistance without delay if the other "
    "is attacked.",
    "Putin said he did not rule out supplying precision weapons to North Korea.",
    "A South Korean security adviser said there would be no red lines left if Moscow sent "
    "such weapons.",
    "Seoul said it would reconsider its ban on sending weapons to Ukraine.",
    "The United States, South Korea and Japan condemned the deepening military "
    "cooperation between Moscow and Pyongyang.",
    "Russian landing ships carried North Korean special forces to the port of Vladivostok, "
    "South Korea's intelligence service said.",
    "Putin submitted the treaty with North Korea to the State Duma for ratification.",
    "The State Duma ratified the treaty unanimously.",
    "The Federation Council approved the ratification a few weeks later.",
    "Kim Jong Un signed a decree ratifying the treaty, the state news agency reported.",
    "South Korea's spy agency said North Korean troops had moved to the Kursk region.",
    "The Pentagon said about 10,000 North Korean soldiers had been sent to train in "
    "eastern Russia.",
    "Britain and South Korea jointly condemned the troop deployment.",
    "Seoul said Russia had supplied air defence missiles to North Korea.",
    "The Russian defence minister held talks in Pyongyang on expanding military cooperation.",
    "Instruments of ratification were exchanged in Moscow and the treaty entered into force.",
    "The new treaty replaced the friendship treaty the two countries signed in 2000.",
    "The Pentagon said North Korean soldiers had fought in Kursk alongside Russian forces.",
    "The White House said hundreds of North Korean troops had been killed or wounded.",
    "North Korea denied that it had sent any weapons to Russia.",
    "Moscow rejected the accusations as groundless.",
    "Japan announced new sanctions on entities involved in the arms trade.",
    "The European Union said it would consider further restrictive measures.",
    "Diplomats said the two governments may sign further agreements on energy and transport.",
    "Experts warned that Russia could share satellite and submarine technology with Pyongyang.",
    "Kim praised Russia as his country's closest friend and ally.",
    "Putin thanked North Korea for its firm support of Russia's policies.",
    "The two sides agreed to expand trade and to open new air routes between their capitals.",
)


def article(number: int, words: int = 400) -> dict[str, Any]:
    """Article `number`: about `words` words, a date, an outlet and a distinct closing line."""
    rng = random.Random(number)
    outlet, country = OUTLETS[number % len(OUTLETS)]
    day = date(2023, 9, 1) + timedelta(days=rng.randrange(0, 480))
    chosen: list[str] = []
    count = 0
    while count < words - 12:
        sentence = rng.choice(SENTENCES)
        chosen.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(chosen[i : i + 4]) for i in range(0, len(chosen), 4)]
    paragraphs.append(f"This is report number {number} from the {outlet} archive desk.")
    return {
        "title": chosen[0].rstrip("."),
        "text": "\n\n".join(paragraphs),
        "date": day.isoformat(),
        "source": outlet,
        "source_country": country,
        "url": f"https://archive.redline.invalid/{number}",
    }


def write_archive(directory: Path, n: int, per_file: int = 5_000) -> list[Path]:
    """Write articles 0..n-1 as JSON Lines files of `per_file` articles; keep complete files.

    A file is written under a temporary name and renamed, so one that exists is complete and
    is not written again: an interrupted run continues where it stopped.
    """
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for first in range(0, n, per_file):
        last = min(first + per_file, n)
        path = directory / f"articles-{first:07d}-{last - 1:07d}.jsonl"
        paths.append(path)
        if path.exists():
            continue
        partial = path.with_name(f".{path.name}.tmp")
        with partial.open("w", encoding="utf-8") as handle:
            for number in range(first, last):
                handle.write(json.dumps(article(number)) + "\n")
        partial.replace(path)
    return paths
