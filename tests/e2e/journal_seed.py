"""A lived-in vault for end-to-end looks at the journal: two months of entries with moods,
feelings and tags, a slip, and urges, each saved at its own moment through the app's own
storage code (the vault's clock is moved, not the records edited)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from reconnect_gui.core.countdown.contact_log import new_urge
from reconnect_gui.core.countdown.plan import new_plan, record_slip
from reconnect_gui.core.journal.entry import edited, new_entry
from reconnect_gui.storage import countdown_store, journal_store
from reconnect_gui.storage.unlock import vault_file
from reconnect_gui.storage.vault import open_vault
from reconnect_gui.system.paths import app_paths

TITLES = (
    "A long walk by the river",
    "Couldn't sleep again",
    "Coffee with my sister",
    "",  # no title: the list shows the first line
    "Their birthday",
    "Work kept me busy",
    "Rain all day",
    "Saw our café from the bus",
)
BODIES = (
    "# Today\n\nI walked for an hour and felt **lighter** afterwards.\n\n- called Mum\n- "
    "cooked something new\n",
    "Woke at 3 and reached for the phone. Put it in the kitchen and read instead.",
    "She asked how I was and for once I said the true thing. It helped to say it aloud.",
    "Some days are just quiet. This was one of them, and that is fine.",
    "I wanted to send a message so badly. I wrote it here instead and *didn't send it*.",
)
TAGS = ("walks", "sleep", "family", "work", "urges", "friends")
FEELINGS = ("lonely", "sad", "anxious", "tired", "missing_them", "calm", "hopeful", "relieved")


def seed_lived_in_vault(data_dir: Path | None, passphrase: str, now: datetime) -> None:
    """Fill the vault under ``data_dir`` (None: the one RECONNECT_HOME points at), which
    ``reconnect vault init`` has made with ``passphrase``."""
    moment = [now]
    path = vault_file(app_paths(data_dir).data)
    vault, _key = open_vault(path, now=lambda: moment[0]).unlock_with_secret(passphrase)
    try:
        start = now - timedelta(days=58, hours=3)
        plan = new_plan(start, "Europe/Berlin", 60, reasons=("I deserve someone who shows up",))
        plan = record_slip(plan, start + timedelta(days=19), "replied", restart=True)
        countdown_store.save_plan(vault, plan)
        rng = random.Random(12)
        for day in sorted(rng.sample(range(0, 58), 26), reverse=True):
            moment[0] = now - timedelta(days=day, hours=rng.randint(1, 12))
            entry = new_entry(
                moment[0],
                rng.choices(("entry", "reflection", "unsent_letter"), (6, 1, 1))[0]
                if day
                else "entry",
                title=rng.choice(TITLES),
                body=rng.choice(BODIES),
            )
            if entry.entry_type == "reflection":
                entry = edited(
                    entry, prompt_id="what_went_wrong", prompt_text="What went wrong between us?"
                )
            entry = edited(
                entry,
                mood=min(5, max(1, 2 + (58 - day) // 20 + rng.choice((-1, 0, 0, 1)))),
                tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
                feelings=tuple(rng.sample(FEELINGS, rng.randint(0, 2))),
            )
            journal_store.save_entry(vault, entry)
        for day in range(1, 58, 4):
            moment[0] = now - timedelta(days=day, hours=2)
            countdown_store.add_urge(vault, new_urge(moment[0], rng.randint(2, 9)))
    finally:
        vault.close()
