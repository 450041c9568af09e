;; A one-note contract with the ink! ABI, for the worker tests: new(), set(note: String), get() -> String,
;; caller() -> AccountId (who the contract sees as its caller).
;; The note is stored as its SCALE encoding under the storage key "note".
(module
  (import "seal0" "input" (func $input (param i32 i32)))
  (import "seal0" "seal_return" (func $return (param i32 i32 i32)))
  (import "seal0" "caller" (func $caller (param i32 i32)))
  (import "seal1" "get_storage" (func $get (param i32 i32 i32 i32) (result i32)))
  (import "seal2" "set_storage" (func $set (param i32 i32 i32 i32) (result i32)))
  (import "env" "memory" (memory 2 16))
  (data (i32.const 16) "note")
  (func $read_input (i32.store (i32.const 64) (i32.const 16000)) (call $input (i32.const 1024) (i32.const 64)))
  (func $ok_unit (i32.store8 (i32.const 512) (i32.const 0)) (call $return (i32.const 0) (i32.const 512) (i32.const 1)))
  (func (export "deploy") (call $ok_unit))
  (func (export "call") (local $selector i32)
    (call $read_input)
    (local.set $selector (i32.load (i32.const 1024)))
    (if (i32.eq (local.get $selector) (i32.const 0xb65ec4e8))
      (then
        (drop (call $set (i32.const 16) (i32.const 4) (i32.const 1028) (i32.sub (i32.load (i32.const 64)) (i32.const 4))))
        (call $ok_unit)))
    (if (i32.eq (local.get $selector) (i32.const 0xd95b862f))
      (then
        (i32.store (i32.const 68) (i32.const 16000))
        (if (i32.ne (call $get (i32.const 16) (i32.const 4) (i32.const 20001) (i32.const 68)) (i32.const 0))
          (then (i32.store8 (i32.const 20001) (i32.const 0)) (i32.store (i32.const 68) (i32.const 1))))
        (i32.store8 (i32.const 20000) (i32.const 0))
        (call $return (i32.const 0) (i32.const 20000) (i32.add (i32.load (i32.const 68)) (i32.const 1)))))
    (if (i32.eq (local.get $selector) (i32.const 0xcb68c540))
      (then
        (i32.store (i32.const 68) (i32.const 32))
        (call $caller (i32.const 20001) (i32.const 68))
        (i32.store8 (i32.const 20000) (i32.const 0))
        (call $return (i32.const 0) (i32.const 20000) (i32.const 33))))
    unreachable))
