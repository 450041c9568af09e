// PhalanxContractKit — the pallet-contracts host API, as an Embedded Swift contract imports it.
// Built for wasm32-unknown-none-wasm by scripts/build-contracts; pointers and lengths are i32.

@_extern(wasm, module: "seal0", name: "seal_input") @_extern(c)
func seal_input(_ buffer: UnsafeMutableRawPointer, _ lengthPointer: UnsafeMutableRawPointer)

@_extern(wasm, module: "seal0", name: "seal_return") @_extern(c)
func seal_return(_ flags: UInt32, _ data: UnsafeRawPointer?, _ length: UInt32)

@_extern(wasm, module: "seal1", name: "get_storage") @_extern(c)
func seal_get_storage(
    _ key: UnsafeRawPointer?, _ keyLength: UInt32, _ out: UnsafeMutableRawPointer, _ outLengthPointer: UnsafeMutableRawPointer
) -> UInt32

@_extern(wasm, module: "seal2", name: "set_storage") @_extern(c)
func seal_set_storage(_ key: UnsafeRawPointer?, _ keyLength: UInt32, _ value: UnsafeRawPointer?, _ valueLength: UInt32) -> UInt32

@_extern(wasm, module: "seal0", name: "seal_caller") @_extern(c)
func seal_caller(_ out: UnsafeMutableRawPointer, _ outLengthPointer: UnsafeMutableRawPointer)

@_extern(wasm, module: "seal0", name: "seal_value_transferred") @_extern(c)
func seal_value_transferred(_ out: UnsafeMutableRawPointer, _ outLengthPointer: UnsafeMutableRawPointer)

@_extern(wasm, module: "seal0", name: "seal_deposit_event") @_extern(c)
func seal_deposit_event(_ topics: UnsafeRawPointer?, _ topicsLength: UInt32, _ data: UnsafeRawPointer?, _ dataLength: UInt32)

@_extern(wasm, module: "seal0", name: "seal_hash_blake2_256") @_extern(c)
func seal_hash_blake2_256(_ input: UnsafeRawPointer?, _ inputLength: UInt32, _ out: UnsafeMutableRawPointer)

@_extern(wasm, module: "seal0", name: "call_chain_extension") @_extern(c)
func seal_call_chain_extension(
    _ id: UInt32, _ input: UnsafeRawPointer?, _ inputLength: UInt32, _ out: UnsafeMutableRawPointer,
    _ outLengthPointer: UnsafeMutableRawPointer
) -> UInt32

@_extern(wasm, module: "seal1", name: "contains_storage") @_extern(c)
func seal_contains_storage(_ key: UnsafeRawPointer?, _ keyLength: UInt32) -> UInt32

@_extern(wasm, module: "seal1", name: "clear_storage") @_extern(c)
func seal_clear_storage(_ key: UnsafeRawPointer?, _ keyLength: UInt32) -> UInt32

@_extern(wasm, module: "seal0", name: "address") @_extern(c)
func seal_address(_ out: UnsafeMutableRawPointer, _ outLengthPointer: UnsafeMutableRawPointer)

// `deposit` and `out` may be `u32::MAX` (SENTINEL): no deposit limit / skip copying the output.
@_extern(wasm, module: "seal2", name: "call") @_extern(c)
func seal2_call(
    _ flags: UInt32, _ callee: UnsafeRawPointer, _ refTimeLimit: UInt64, _ proofSizeLimit: UInt64,
    _ deposit: UnsafeRawPointer?, _ value: UnsafeRawPointer, _ input: UnsafeRawPointer?, _ inputLength: UInt32,
    _ out: UnsafeMutableRawPointer?, _ outLengthPointer: UnsafeMutableRawPointer
) -> UInt32

@_extern(wasm, module: "seal2", name: "instantiate") @_extern(c)
func seal2_instantiate(
    _ codeHash: UnsafeRawPointer, _ refTimeLimit: UInt64, _ proofSizeLimit: UInt64, _ deposit: UnsafeRawPointer?,
    _ value: UnsafeRawPointer, _ input: UnsafeRawPointer?, _ inputLength: UInt32, _ address: UnsafeMutableRawPointer?,
    _ addressLengthPointer: UnsafeMutableRawPointer, _ out: UnsafeMutableRawPointer?,
    _ outLengthPointer: UnsafeMutableRawPointer, _ salt: UnsafeRawPointer?, _ saltLength: UInt32
) -> UInt32
