"""tracker-verify: check the tracker's transparency log from its site or a mirror (README.md)."""

import argparse
import base64
import datetime
import hashlib
import json
import re
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from tracker_verifier.timestamps import check_timestamps
from tracker_verifier.tlog import (
    TILE_HEIGHT,
    WIDTH,
    Failure,
    Source,
    Tree,
    cosignature_time,
    leaf_hash,
    load_state,
    node_hash,
    open_checkpoint,
    read_key,
    read_witness_key,
    save_state,
    tile_path,
    verify_consistency,
    verify_inclusion,
)


def parser():
    p = argparse.ArgumentParser(prog="tracker-verify", description=__doc__)
    p.add_argument("--log", required=True, help="the site's address, or a mirror's address or folder of tiles")
    p.add_argument("--key", required=True, help="the log's note verifier key, or a file holding it or a PEM key")
    p.add_argument("--origin", help="the log's name (origin); required with a PEM key, else checked if given")
    p.add_argument("--state", help="a file remembering the checkpoints seen, to catch split views and rollbacks")
    witnessed = argparse.ArgumentParser(add_help=False)
    witnessed.add_argument(
        "--witness-key",
        action="append",
        default=argparse.SUPPRESS,
        help="a witness's verifier key (<name>+<key id>+<base64 key>) or a file of them, one a line; repeatable",
    )
    witnessed.add_argument(
        "--quorum",
        type=int,
        default=argparse.SUPPRESS,
        help="how many of those witnesses must have cosigned the checkpoint (default: all of them)",
    )
    witnessed.add_argument(
        "--tsa-cert",
        action="append",
        default=argparse.SUPPRESS,
        help="a timestamp authority's certificate chain (PEM, up to its root): the checkpoint's RFC 3161 timestamp "
        "tokens are checked against it; repeatable",
    )
    p.set_defaults(witness_key=[], quorum=None, tsa_cert=[])
    for action in witnessed._actions:
        p._add_action(action)
    commands = p.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "check", parents=[witnessed], help="check the latest checkpoint (and that it extends the one seen before)"
    )
    prove = commands.add_parser("prove", parents=[witnessed], help="prove that one revision is in the log")
    which = prove.add_mutually_exclusive_group(required=True)
    which.add_argument("--leaf", type=int, help="its leaf index (shown on its page: 0 is the first revision)")
    which.add_argument("--hash", help="its SHA-256 hash, hex (shown on its page)")
    which.add_argument(
        "--page",
        help="its public page's address (https://<site>/<kind>/<slug>/history/<n>/, any language), or a saved copy",
    )
    replay = commands.add_parser(
        "replay", parents=[witnessed], help="read the whole log from its tiles and recompute its root"
    )
    replay.add_argument(
        "--content",
        action="store_true",
        help="also recompute every revision's hash from its public content (taken-down ones are reported withheld)",
    )
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        for line in run(args):
            print(line)
    except Failure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


def run(args):
    key_text = args.key
    if Path(key_text).is_file():
        key_text = Path(key_text).read_text()
    source = Source(args.log)
    note = source.read("checkpoint").decode("utf-8", errors="replace")
    key = read_key(key_text, args.origin or note.split("\n", 1)[0])
    checkpoint = open_checkpoint(note, key)
    if args.origin and checkpoint.origin != args.origin:
        raise Failure(f"the checkpoint is of the log {checkpoint.origin}, not {args.origin}.")
    root = checkpoint.root.hex()
    yield f"Checkpoint of {checkpoint.origin}: {checkpoint.size} entries, root {root}, signed by {key.name}."
    if args.witness_key:
        yield from witnessed(checkpoint, args.witness_key, args.quorum)
    if args.tsa_cert:
        yield from check_timestamps(source, checkpoint, args.tsa_cert)
    tree = Tree(source, checkpoint.size)
    if args.state:
        yield from remember(args.state, checkpoint, tree)
    if args.command == "prove" and args.page:
        yield from prove_page(tree, checkpoint, args.page)
    elif args.command == "prove":
        yield from prove(tree, checkpoint, args.leaf, args.hash)
    elif args.command == "replay":
        yield from replay(source, checkpoint)
        if args.content:
            yield from replay_content(source, checkpoint)


def witness_keys(values):
    keys = []
    for value in values:
        lines = Path(value).read_text().split("\n") if Path(value).is_file() else [value]
        keys += [read_witness_key(line) for line in lines if line.strip() and not line.startswith("#")]
    return keys


def witnessed(checkpoint, values, quorum):
    """Count the cosignatures of the given witnesses that verify; fewer than the quorum is a failure."""
    keys = witness_keys(values)
    quorum = len(keys) if quorum is None else quorum
    if not 1 <= quorum <= len(keys):
        raise Failure(f"a quorum of {quorum} witnesses cannot be met by the {len(keys)} witness keys given.")
    cosigned = []
    for key in keys:
        timestamp = cosignature_time(checkpoint, key)
        if timestamp is not None:
            when = datetime.datetime.fromtimestamp(timestamp, datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            cosigned.append(key.name)
            yield f"Cosigned by the witness {key.name} at {when}."
    missing = [key.name for key in keys if key.name not in cosigned]
    if len(cosigned) < quorum:
        raise Failure(
            f"only {len(cosigned)} of the {quorum} witness cosignatures required verify (none by "
            f"{', '.join(missing)}): the witnesses did not all see this checkpoint, so it may be a view shown "
            "to you alone."
        )
    yield f"Witness quorum met: {len(cosigned)} of {len(keys)} witnesses cosigned (quorum {quorum})."


def remember(path, checkpoint, tree):
    state = load_state(path)
    seen = state.get(checkpoint.origin)
    if seen:
        size, root = seen["size"], base64.b64decode(seen["root"])
        if checkpoint.size < size:
            raise Failure(
                f"ROLLBACK: the log now shows {checkpoint.size} entries, but a checkpoint of {size} was seen "
                "before; a log never shrinks."
            )
        if checkpoint.size == size and checkpoint.root != root:
            raise Failure(
                f"SPLIT VIEW: two checkpoints of {size} entries with different roots ({root.hex()} seen before, "
                f"{checkpoint.root.hex()} now): the log shows different histories to different readers.\n"
                f"Seen before:\n{seen['note']}\nNow:\n{checkpoint.note}"
            )
        if checkpoint.size > size:
            proof = tree.consistency_proof(size)
            if not verify_consistency(size, checkpoint.size, root, checkpoint.root, proof):
                raise Failure(
                    f"SPLIT VIEW: the checkpoint of {checkpoint.size} entries does not extend the one of {size} "
                    "seen before: the history it had was rewritten."
                )
            yield f"Consistent with the checkpoint of {size} entries seen before."
        else:
            yield "The same checkpoint as seen before."
    state[checkpoint.origin] = {
        "size": checkpoint.size,
        "root": base64.b64encode(checkpoint.root).decode(),
        "note": checkpoint.note,
    }
    save_state(path, state)


def entries(source, size):
    """Every leaf's data, in order, from the entry bundles."""
    for bundle in range((size + WIDTH - 1) // WIDTH):
        yield from entries_of_bundle(source, size, bundle)


def prove(tree, checkpoint, leaf, digest):
    if digest is not None:
        wanted = bytes.fromhex(digest)
        leaf = next((i for i, data in enumerate(entries(tree.source, checkpoint.size)) if data == wanted), None)
        if leaf is None:
            raise Failure(f"no revision with the hash {digest} is in the log's {checkpoint.size} entries.")
        data = wanted
    else:
        if not 0 <= leaf < checkpoint.size:
            raise Failure(f"leaf {leaf} is not in the signed tree of {checkpoint.size} entries.")
        bundle = leaf // WIDTH
        data = entries_of_bundle(tree.source, checkpoint.size, bundle)[leaf % WIDTH]
    proof = tree.inclusion_proof(leaf)
    if not verify_inclusion(leaf, checkpoint.size, leaf_hash(data), proof, checkpoint.root):
        raise Failure(
            f"leaf {leaf} (revision hash {data.hex()}) is NOT proved in the signed tree: the log's tiles or entries "
            "do not match its signed root."
        )
    yield (
        f"Revision {data.hex()} is leaf {leaf} of the signed tree of {checkpoint.size} entries "
        f"(proof of {len(proof)} hashes)."
    )


def prove_page(tree, checkpoint, page):
    """Prove the revision a page shows: the hash and leaf it names (in its <meta> tags) must be in the log."""
    digest, leaf = revision_of_page(page)
    if leaf >= checkpoint.size:
        raise Failure(
            f"the page names leaf {leaf}, which the signed tree of {checkpoint.size} entries does not have yet: "
            "try again after the next checkpoint."
        )
    data = entries_of_bundle(tree.source, checkpoint.size, leaf // WIDTH)[leaf % WIDTH]
    if data.hex() != digest:
        raise Failure(
            f"the page shows the revision hash {digest} as leaf {leaf}, but the log's leaf {leaf} is {data.hex()}: "
            "the page does not show what the log holds."
        )
    yield f"The page {page} shows revision {digest}, leaf {leaf} of the log."
    yield from prove(tree, checkpoint, leaf, None)


def revision_of_page(page):
    """(hash, leaf) of the revision a public revision page names in its tracker-revision-hash and
    tracker-log-leaf <meta> tags, fetched from its address or read from a saved copy."""
    if page.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(page, timeout=60) as response:  # noqa: S310 (http(s) only)
                html = response.read().decode("utf-8", errors="replace")
        except urllib.error.HTTPError as error:
            raise Failure(f"{page} answered {error.code}: it is not a revision's page that can be read.") from None
        except urllib.error.URLError as error:
            raise Failure(f"could not reach {page}: {error.reason}.") from None
    elif Path(page).is_file():
        html = Path(page).read_text(encoding="utf-8", errors="replace")
    else:
        raise Failure(f"{page} is neither an http(s) address nor a saved page.")
    metas = Metas()
    metas.feed(html)
    digest, leaf = metas.found.get("tracker-revision-hash", ""), metas.found.get("tracker-log-leaf", "")
    if not (re.fullmatch(r"[0-9a-f]{64}", digest) and leaf.isdigit()):
        raise Failure(f"{page} is not a revision's page (…/history/<n>/): it names no revision hash and log leaf.")
    return digest, int(leaf)


class Metas(HTMLParser):
    """The <meta name=… content=…> of a page."""

    def __init__(self):
        super().__init__()
        self.found = {}

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.found.setdefault(values["name"], values.get("content") or "")


def entries_of_bundle(source, size, bundle):
    width = min(WIDTH, size - bundle * WIDTH)
    name = tile_path("entries", bundle, width)
    data, position, found = source.read(name), 0, []
    for _ in range(width):
        length = int.from_bytes(data[position : position + 2], "big")
        found.append(data[position + 2 : position + 2 + length])
        position += 2 + length
    if position != len(data) or any(len(entry) != 32 for entry in found):
        raise Failure(f"the entry bundle {name} does not hold {width} revision hashes.")
    return found


def replay(source, checkpoint):
    """Recompute every leaf hash from the entries, each level of hash tiles from the one below, and the
    root from them all; any tile or entry that differs is named."""
    size = checkpoint.size
    if size == 0:
        yield "The log is empty."
        return
    level_hashes = [leaf_hash(data) for data in entries(source, size)]
    if len(level_hashes) != size:
        raise Failure(f"the entry bundles hold {len(level_hashes)} entries, not {size}.")
    # Each tile level's hashes against the tiles, then up TILE_HEIGHT tree levels to the next.
    tile_level, edges = 0, []
    while level_hashes:
        for index in range((len(level_hashes) + WIDTH - 1) // WIDTH):
            part = level_hashes[index * WIDTH : (index + 1) * WIDTH]
            name = tile_path(tile_level, index, len(part))
            if source.read(name) != b"".join(part):
                raise Failure(
                    f"tile {name} does not match the log's entries: a hash in it was changed, or an entry was."
                )
        hashes, nodes = level_hashes, []
        for _ in range(TILE_HEIGHT):
            if len(hashes) % 2:
                edges.append(hashes[-1])  # the right edge of an incomplete tree, folded in at the end
            hashes = [node_hash(hashes[i], hashes[i + 1]) for i in range(0, len(hashes) - 1, 2)]
        nodes = hashes
        level_hashes, tile_level = nodes, tile_level + 1
    # The complete subtrees left on the right edge fold from the right into the root.
    root = edges[0]
    for left in edges[1:]:
        root = node_hash(left, root)
    if root != checkpoint.root:
        raise Failure(
            f"the log's {size} entries add up to the root {root.hex()}, not the signed {checkpoint.root.hex()}: "
            "an entry was changed, added or removed."
        )
    yield f"Replayed all {size} entries and {tile_level} levels of tiles: the root matches the signed checkpoint."


def revision_hash(entry):
    """A revision's hash from its published fields, as the tracker computes it (a SHA-256 of canonical JSON:
    keys sorted, no spaces, UTF-8 as is), written again here so that the tracker's code need not be trusted."""
    fields = {
        "record_type": entry["record_type"],
        "object_id": entry["object_id"],
        "number": entry["number"],
        "published_at": entry["published_at"],
        "edit_summary": entry["edit_summary"],
        "publisher": entry["publisher"],
        "content": entry["content"],
        "previous_hash": entry["previous_hash"],
    }
    text = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def replay_content(source, checkpoint):
    """Every leaf's revision from its public content (content/<N>, as the entry bundles): its hash recomputed
    and compared with the leaf, and each record's chain followed (numbers in order, each naming the hash of
    the one before). Tombstones of taken-down records are reported as withheld, not as failures."""
    size, failures, withheld, checked, chains = checkpoint.size, [], [], 0, {}
    for bundle in range((size + WIDTH - 1) // WIDTH):
        width = min(WIDTH, size - bundle * WIDTH)
        leaves = entries_of_bundle(source, size, bundle)
        name = tile_path("entries", bundle, width).replace("tile/entries/", "content/", 1)
        try:
            shown = json.loads(source.read(name))["entries"]
        except (ValueError, KeyError, TypeError):
            raise Failure(f"{name} is not the log's content (JSON with its entries).") from None
        if len(shown) != width:
            failures.append(f"{name} shows {len(shown)} revisions, not the {width} leaves of its bundle")
        by_leaf = {entry.get("leaf_index"): entry for entry in shown if isinstance(entry, dict)}
        for offset, data in enumerate(leaves):
            leaf = bundle * WIDTH + offset
            entry = by_leaf.get(leaf)
            if entry is None:
                failures.append(f"leaf {leaf} ({data.hex()}): its revision is not shown")
                continue
            if entry.get("hash") != data.hex():
                failures.append(f"leaf {leaf}: the revision shown has the hash {entry.get('hash')}, not {data.hex()}")
                continue
            if "withheld" in entry:
                reason = f"{entry['reason']}: " if entry.get("reason") else ""
                withheld.append(
                    f"leaf {leaf}: withheld ({reason}{entry['withheld']}, taken down on {entry.get('taken_down_on')})"
                )
                continue
            try:
                recomputed = revision_hash(entry)
            except KeyError as missing:
                failures.append(f"leaf {leaf}: its revision lacks {missing}")
                continue
            record = (entry["record_type"], entry["object_id"])
            number, previous = chains.get(record, (0, ""))
            if entry["number"] != number + 1 or entry["previous_hash"] != previous:
                failures.append(
                    f"leaf {leaf}: revision {entry['number']} of {record[0]} {record[1]} does not follow revision "
                    f"{number} of its chain (a revision was removed, reordered or moved)"
                )
            chains[record] = (entry["number"], data.hex())
            if recomputed == data.hex():
                checked += 1
            elif entry.get("references_withheld"):
                withheld.append(f"leaf {leaf}: a record it names is taken down, withheld from its content")
            else:
                failures.append(
                    f"leaf {leaf}: revision {entry['number']} of {record[0]} {record[1]}: its public content hashes "
                    f"to {recomputed}, not its leaf {data.hex()} (it was altered after it was published)"
                )
    yield from withheld
    if failures:
        shown = "\n".join(failures[:20]) + (f"\n... and {len(failures) - 20} more" if len(failures) > 20 else "")
        raise Failure(f"{len(failures)} of the log's {size} revisions do not match their leaves:\n{shown}")
    yield (
        f"Recomputed {checked} revisions' hashes from their public content: each matches its leaf; "
        f"{len(withheld)} withheld."
    )
