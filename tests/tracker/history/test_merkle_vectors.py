"""The site-wide log's Merkle tree (tracker/merkle.py) held to RFC 9162: the reference vectors of
certificate transparency's tests (the 8-leaf tree), and the RFC's own recursive definitions (§2.1.1
MTH, §2.1.3.1 PATH, §2.1.4.1 PROOF), written out here plainly, for every size up to 70 and every leaf
and pair of sizes, and under Hypothesis."""

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker import merkle

LEAVES = [bytes.fromhex(h) for h in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657"]] + [
    bytes.fromhex("606162636465666768696a6b6c6d6e6f")
]

# Roots of the trees of the first 1..8 reference leaves (certificate transparency's merkle tree tests).
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
INCLUSION = [  # (leaf index from 0, tree size, path); the reference tests count leaves from 1
    (0, 1, []),
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]  # fmt: skip
CONSISTENCY = [  # (old size, new size, proof)
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]  # fmt: skip


# --- RFC 9162 §2.1, as written -------------------------------------------------------------------


def mth(leaves):
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + leaves[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + mth(leaves[:k]) + mth(leaves[k:])).digest()


def path(m, leaves):
    n = len(leaves)
    if n <= 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m, leaves, whole):
    n = len(leaves)
    if m == n:
        return [] if whole else [mth(leaves)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return subproof(m, leaves[:k], whole) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def store_of(leaves):
    store = merkle.MemoryStore()
    for leaf in leaves:
        store.append(leaf)
    return store


def hexes(hashes):
    return [h.hex() for h in hashes]


# --- The reference vectors -----------------------------------------------------------------------


def test_the_empty_tree_has_the_hash_of_nothing():
    assert merkle.EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert merkle.MemoryStore().root() == merkle.EMPTY_ROOT == mth([])


def test_the_reference_tree_has_the_reference_roots():
    store = store_of(LEAVES)
    assert [store.root(size).hex() for size in range(1, 9)] == ROOTS
    assert [mth(LEAVES[:size]).hex() for size in range(1, 9)] == ROOTS
    assert store.root().hex() == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"


@pytest.mark.parametrize(("index", "size", "expected"), INCLUSION)
def test_reference_inclusion_proofs(index, size, expected):
    store = store_of(LEAVES)
    proof = store.inclusion_proof(index, size)
    assert hexes(proof) == expected
    assert merkle.verify_inclusion(index, size, merkle.leaf_hash(LEAVES[index]), proof, bytes.fromhex(ROOTS[size - 1]))


@pytest.mark.parametrize(("old", "new", "expected"), CONSISTENCY)
def test_reference_consistency_proofs(old, new, expected):
    store = store_of(LEAVES)
    proof = store.consistency_proof(old, new) if old != new else []
    assert hexes(proof) == expected
    old_root, new_root = bytes.fromhex(ROOTS[old - 1]), bytes.fromhex(ROOTS[new - 1])
    assert merkle.verify_consistency(old, new, old_root, new_root, proof)


# --- Against the recursive definitions, exhaustively -----------------------------------------------

N = 70
MANY = [hashlib.sha256(str(i).encode()).digest() for i in range(N)]


@pytest.fixture(scope="module")
def big():
    return store_of(MANY)


def test_every_root_matches_the_definition(big):
    for size in range(1, N + 1):
        assert big.root(size) == mth(MANY[:size]), size


def test_every_inclusion_proof_matches_the_definition_and_verifies(big):
    for size in range(1, N + 1):
        root = mth(MANY[:size])
        for index in range(size):
            proof = big.inclusion_proof(index, size)
            assert proof == path(index, MANY[:size]), (index, size)
            leaf = merkle.leaf_hash(MANY[index])
            assert merkle.verify_inclusion(index, size, leaf, proof, root)
            # Any other leaf or root, or a leaf outside the tree, is refused.
            assert not merkle.verify_inclusion(index, size, merkle.leaf_hash(b"other"), proof, root)
            assert not merkle.verify_inclusion(index, size, leaf, proof, merkle.leaf_hash(b"other"))
            assert not merkle.verify_inclusion(size, size, leaf, proof, root)
            if proof:
                assert not merkle.verify_inclusion(index, size, leaf, proof[:-1], root)
                assert not merkle.verify_inclusion(index, size, leaf, [*proof, root], root)


def test_every_consistency_proof_matches_the_definition_and_verifies(big):
    roots = [None] + [mth(MANY[:size]) for size in range(1, N + 1)]
    for new in range(1, N + 1):
        for old in range(1, new + 1):
            proof = big.consistency_proof(old, new) if old != new else []
            assert proof == subproof(old, MANY[:new], True), (old, new)
            assert merkle.verify_consistency(old, new, roots[old], roots[new], proof), (old, new)
            if old < new:
                # A rewritten old tree, or a new tree that does not extend it, is refused.
                forged = hashlib.sha256(b"forged").digest()
                assert not merkle.verify_consistency(old, new, forged, roots[new], proof)
                assert not merkle.verify_consistency(old, new, roots[old], forged, proof)
                assert not merkle.verify_consistency(old, new, roots[old], roots[new], proof[:-1])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=40), min_size=1, max_size=300), st.data())
def test_proofs_hold_for_any_leaves(leaves, data):
    store = store_of(leaves)
    size = len(leaves)
    index = data.draw(st.integers(0, size - 1))
    old = data.draw(st.integers(1, size))
    root = mth(leaves)
    assert store.root() == root
    assert merkle.verify_inclusion(index, size, merkle.leaf_hash(leaves[index]), store.inclusion_proof(index), root)
    proof = store.consistency_proof(old) if old != size else []
    assert merkle.verify_consistency(old, size, mth(leaves[:old]), root, proof)
