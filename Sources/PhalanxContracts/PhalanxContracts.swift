/// # PhalanxContracts
///
/// A pallet-contracts-compatible Wasm contract runtime on WasmKit that runs unmodified ink! 4.x and 5.x contracts
/// (Phala's Phat Contract engine; ARCHITECTURE.md §4, reference ink-abi.md).
///
/// ## Public API
/// - ``ContractCluster``: the engine and one cluster's state. `uploadCode`, `validate`, `instantiate`
///   (`ContractsApi_instantiate`), `call` (`ContractsApi_call`, `.transaction` commits, `.query` never does),
///   `storage(contract:key:)` (`ContractsApi_get_storage`), `contractAddress`, `codeHash`, `register(chainExtension:)`,
///   `hostFunctions` (every linkable import).
/// - ``ContractStateBackend`` (+ ``InMemoryStateBackend``): where code, contracts, storage and balances live; the
///   engine writes only through `apply(StateChanges)` after a successful top-level transaction.
/// - ``ChainExtension``: `call_chain_extension` dispatch by extension id (`id >> 16`) and function id (`id & 0xFFFF`).
/// - Results in pallet-contracts shapes: ``ContractExecResult``, ``ContractInstantiateResult`` (SCALE-encodable exactly
///   as `ContractResult<…>` with the trailing `events: None`), ``ExecReturnValue``, ``DispatchError``,
///   ``ContractError`` (pallet 40 error indices), ``Weight``, ``StorageDeposit``, ``ContractEvent``.
/// - ``Schedule``: limits (code size, memory pages, call depth, key/value sizes, topics), weights and deposits.
/// - ``ContractMetadata`` + ``ContractValueCodec`` + ``JSONValue``: ink! 4/5 metadata and JSON ⇄ SCALE arguments and
///   return values.
/// - ``SampleContracts`` (flipper / erc20 WAT following the ink! ABI) and ``ContractsBenchmark``.
///
/// ## Host functions
/// `seal0`: input, seal_return, caller, address, value_transferred, balance, minimum_balance, block_number, now,
/// gas_left, weight_to_fee, own_code_hash, code_hash, is_contract, caller_is_origin, caller_is_root, set_storage,
/// get_storage, clear_storage, contains_storage (fixed keys), take_storage, hash_blake2_256, hash_blake2_128,
/// hash_sha2_256, hash_keccak_256, ecdsa_recover, ecdsa_to_eth_address, sr25519_verify, random, deposit_event,
/// debug_message, call_chain_extension, call_runtime (→ CallRuntimeFailed), xcm_execute/xcm_send (→ failure codes),
/// lock/unlock_delegate_dependency (no-ops), transfer, terminate, set_code_hash, call, delegate_call, instantiate,
/// tombstone_deposit, rent_allowance. `seal1`: get_storage, contains_storage, clear_storage (variable keys),
/// set_storage (fixed key), call, instantiate, terminate, random. `seal2`: set_storage, call, instantiate.
/// Every function with pallet-contracts' `#[prefixed_alias]` is also linked as `seal_<name>`.
///
/// ## Deviations from pallet-contracts (documented, deliberate)
/// - Gas: 1 WasmKit fuel unit (≈ one operator) = `Schedule.refTimePerFuel` ref_time, plus the host weights of
///   ``Schedule``; the numbers are not a chain's benchmarked `WeightInfo`.
/// - Storage-deposit limits apply to the whole execution (nested `deposit_ptr` limits are read, not enforced).
/// - A start function runs once per pooled instance without host access; deprecated functions are linked for
///   `deploy` too; unstable functions (transient storage, reentrance counts, instantiation_nonce) are not linked.
public enum PhalanxContractsModule {}
