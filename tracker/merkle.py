"""The site-wide log as a Merkle tree, as RFC 9162 (certificate transparency 2.0) defines it: pure
functions, no Django, no database.

Leaf i (0-based) of the tree is the i-th published revision's hash (its 32 bytes); the leaf hash is
SHA-256(0x00 || leaf) and an interior node's hash SHA-256(0x01 || left || right) (RFC 9162 §2.1.1).

Storage works with *complete subtrees*: the node at (level, index) is the root of the 2**level leaves
index * 2**level .. (index + 1) * 2**level - 1. Every range the RFC's proofs name (MTH(D[lo:hi]) with lo
a multiple of the largest power of two not above hi - lo's ceiling) splits, left to right, into at most
log2(n) complete subtrees (`range_nodes`), whose hashes fold from the right into the range's root
(`fold`). So a store of complete subtrees (tracker/models/log_tree.py keeps every one, and the C2SP
tlog-tiles are slices of them) answers any root, inclusion or consistency proof with O(log n) reads:

    needed = inclusion_nodes(index, size)                  # [[(level, index), ...] per proof hash]
    proof = [fold([store[n] for n in nodes]) for nodes in needed]

Verification (`verify_inclusion`, `verify_consistency`) follows RFC 9162 §2.1.3.2 and §2.1.4.2 exactly;
tests/tracker/history/test_merkle_vectors.py holds all of it to the RFC's recursive definition and the
reference vectors. The standalone verifier (verifier/) has its own copy, on purpose: it must not trust
this one.
"""

import hashlib

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(leaf):
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n):
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


def range_nodes(lo, hi):
    """The complete subtrees, left to right, whose hashes fold into MTH(D[lo:hi]) (`fold`).

    Valid for the ranges of the RFC's recursion: lo is a multiple of the smallest power of two at least
    hi - lo (always true of the ranges `inclusion_nodes` and `consistency_nodes` name)."""
    nodes = []
    while lo < hi:
        level = (hi - lo).bit_length() - 1
        nodes.append((level, lo >> level))
        lo += 1 << level
    return nodes


def fold(hashes):
    """The root of consecutive complete subtrees given left to right (`range_nodes`)."""
    root = hashes[-1]
    for left in reversed(hashes[:-1]):
        root = node_hash(left, root)
    return root


def root_nodes(size):
    """The complete subtrees whose hashes fold into the root of a tree of `size` leaves."""
    return range_nodes(0, size)


def inclusion_ranges(index, size):
    """The ranges [lo, hi) whose MTHs make PATH(index, D[size]) (RFC 9162 §2.1.3.1), leaf side first."""
    if not 0 <= index < size:
        raise ValueError(f"leaf {index} is not in a tree of {size}")
    ranges, lo, hi = [], 0, size
    while hi - lo > 1:
        k = _split(hi - lo)
        if index < lo + k:
            ranges.append((lo + k, hi))
            hi = lo + k
        else:
            ranges.append((lo, lo + k))
            lo += k
    return list(reversed(ranges))


def consistency_ranges(old, new):
    """The ranges [lo, hi) whose MTHs make PROOF(old, D[new]) (RFC 9162 §2.1.4.1), in proof order."""
    if not 0 < old <= new:
        raise ValueError(f"no consistency proof from {old} to {new}")
    ranges, lo, hi, whole = [], 0, new, True
    m = old
    while m != hi - lo:
        k = _split(hi - lo)
        if m <= k:
            ranges.append((lo + k, hi))
            hi = lo + k
        else:
            ranges.append((lo, lo + k))
            lo, m, whole = lo + k, m - k, False
    if not whole:
        ranges.append((lo, hi))
    return list(reversed(ranges))


def inclusion_nodes(index, size):
    return [range_nodes(lo, hi) for lo, hi in inclusion_ranges(index, size)]


def consistency_nodes(old, new):
    return [range_nodes(lo, hi) for lo, hi in consistency_ranges(old, new)]


def needed(groups):
    """Every (level, index) that a list of node groups names, for one read of the store."""
    return {node for group in groups for node in group}


def answer(groups, hashes):
    """The proof hashes, from node groups and {(level, index): hash}."""
    return [fold([hashes[node] for node in group]) for group in groups]


# --- Appending ------------------------------------------------------------------------------------


def append_siblings(size):
    """The complete subtrees an append at leaf `size` combines with: the left siblings up the tree."""
    siblings, level, index = [], 0, size
    while index & 1:
        siblings.append((level, index - 1))
        level, index = level + 1, index >> 1
    return siblings


def append_leaf(size, leaf, hashes):
    """The new complete subtrees [(level, index, hash)] when leaf `size` (its data) is appended, given
    {(level, index): hash} holding at least `append_siblings(size)`."""
    level, index = 0, size
    current = leaf_hash(leaf)
    made = [(0, size, current)]
    while index & 1:
        current = node_hash(hashes[(level, index - 1)], current)
        level, index = level + 1, index >> 1
        made.append((level, index, current))
    return made


# --- Verification (RFC 9162 §2.1.3.2, §2.1.4.2) ---------------------------------------------------


def root_from_inclusion(index, size, leaf_hash_, proof):
    if not 0 <= index < size:
        raise ValueError("leaf index out of range")
    fn, sn, r = index, size - 1, leaf_hash_
    for p in proof:
        if sn == 0:
            raise ValueError("inclusion proof too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ValueError("inclusion proof too short")
    return r


def verify_inclusion(index, size, leaf_hash_, proof, root):
    try:
        return root_from_inclusion(index, size, leaf_hash_, proof) == root
    except ValueError:
        return False


def verify_consistency(old, new, old_root, new_root, proof):
    """True when `proof` shows that the tree of `new` leaves (new_root) extends the one of `old`."""
    if old > new or old < 0:
        return False
    if old == new:
        return not proof and old_root == new_root
    if old == 0:
        return not proof
    if not proof:
        return False
    proof = list(proof)
    if old & (old - 1) == 0:  # a power of two: the old root is the first node
        proof = [old_root, *proof]
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == old_root and sr == new_root


class MemoryStore(dict):
    """Complete subtrees in memory, {(level, index): hash}: the tests' and the benchmark's store, on the
    same code path as the database's (`append_leaf`, `answer`)."""

    size = 0

    def append(self, leaf):
        self.update({(level, index): h for level, index, h in append_leaf(self.size, leaf, self)})
        self.size += 1

    def root(self, size=None):
        size = self.size if size is None else size
        return fold([self[n] for n in root_nodes(size)]) if size else EMPTY_ROOT

    def inclusion_proof(self, index, size=None):
        return answer(inclusion_nodes(index, self.size if size is None else size), self)

    def consistency_proof(self, old, new=None):
        return answer(consistency_nodes(old, self.size if new is None else new), self)
