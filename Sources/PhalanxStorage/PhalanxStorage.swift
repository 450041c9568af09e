// PhalanxStorage: the Substrate-compatible state trie and the node's durable store.
//
// Layout by concept:
// - `Trie/`     nibbles, node codec (strict decoder), closed-form roots (`TrieRoot`: state, ordered, extrinsics),
//               and `Trie`, the incremental copy-on-write trie (reads, writes, paged keys, commit → `TrieCommit`).
// - `Proof/`    `state_getReadProof` production (`Trie.readProof`) and verification (`StorageProof`).
// - `Backend/`  narrow protocols (`StorageReader`, `StorageWriter`, `BlockReader`, `StateProvider`, `ChainDatabase`),
//               `StorageChangeset`, and the two databases: `InMemoryDatabase` and `SQLiteDatabase` (GRDB, WAL).
// - `Benchmark/` `StorageBenchmark`, the measurement behind `phalanx bench storage`.
//
// Typical block import (the node's side):
//     var state = try db.state(at: parentHash)      // or `Trie(version: .v1, source: db)` for genesis
//     try state.insert(key, value) / remove(key)     // the runtime reads its own writes from `state`
//     let commit = try state.commit()                // commit.root is the header's state root
//     try db.importBlock(block, commit: commit, metadata: [:])   // one SQLite transaction
// `state` may be kept for the next block once the import succeeded; after a failed import reopen it from the
// database. Spec and vectors: `shared/reference/trie-and-state-root.md`.

/// The state version Phalanx writes from genesis (`system_version = 1`).
public let phalanxStateVersion: StateVersion = .v1
