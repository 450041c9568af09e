/// Contract bundles shared by the test suites.
public enum SampleContractBundles {
    /// An ink! 5-style flipper bundle (its `source.wasm` is a placeholder) plus extra types
    /// exercising every JSON convention of the metadata codec.
    public static let flipperMetadata = """
        {
          "source": {"hash": "0x1111111111111111111111111111111111111111111111111111111111111111",
                     "language": "ink! 5.0.0", "compiler": "rustc 1.77.1", "wasm": "0x0061736d01000000"},
          "contract": {"name": "flipper", "version": "5.0.0", "authors": []},
          "image": null,
          "spec": {
            "constructors": [
              {"label": "new", "selector": "0x9bae9d5e", "payable": false, "default": false,
               "args": [{"label": "init_value", "type": {"type": 0, "displayName": ["bool"]}}],
               "returnType": {"type": 1, "displayName": ["ink_primitives", "ConstructorResult"]}, "docs": []}
            ],
            "messages": [
              {"label": "flip", "selector": "0x633aa551", "mutates": true, "payable": false, "default": false, "args": [],
               "returnType": {"type": 1, "displayName": ["ink", "MessageResult"]}, "docs": []},
              {"label": "get", "selector": "0x2f865bd9", "mutates": false, "payable": false, "default": false, "args": [],
               "returnType": {"type": 4, "displayName": ["ink", "MessageResult"]}, "docs": []},
              {"label": "transfer", "selector": "0x84a15da1", "mutates": true, "payable": false, "default": false,
               "args": [{"label": "to", "type": {"type": 5}}, {"label": "value", "type": {"type": 8}},
                        {"label": "data", "type": {"type": 10}}],
               "returnType": {"type": 1}, "docs": []}
            ],
            "events": [
              {"label": "Transfer", "module_path": "erc20", "signature_topic": "0xb5b61a3e6a21a16be4f044b517c28ac692492f73c5bfd3f60178ad98c767f4cb",
               "args": [{"label": "from", "indexed": true, "type": {"type": 9}}], "docs": []}
            ],
            "environment": {}, "lang_error": {"type": 3}, "docs": []
          },
          "storage": {"root": {"root_key": "0x00000000", "layout": {"struct": {"name": "Flipper", "fields": []}}, "ty": 0}},
          "types": [
            {"id": 0, "type": {"def": {"primitive": "bool"}}},
            {"id": 1, "type": {"path": ["Result"], "params": [], "def": {"variant": {"variants": [
              {"name": "Ok", "index": 0, "fields": [{"type": 2}]}, {"name": "Err", "index": 1, "fields": [{"type": 3}]}]}}}},
            {"id": 2, "type": {"def": {"tuple": []}}},
            {"id": 3, "type": {"path": ["ink_primitives", "LangError"], "def": {"variant": {"variants": [
              {"name": "CouldNotReadInput", "index": 1}]}}}},
            {"id": 4, "type": {"path": ["Result"], "def": {"variant": {"variants": [
              {"name": "Ok", "index": 0, "fields": [{"type": 0}]}, {"name": "Err", "index": 1, "fields": [{"type": 3}]}]}}}},
            {"id": 5, "type": {"path": ["ink_primitives", "types", "AccountId"], "def": {"composite": {"fields": [{"type": 6, "typeName": "[u8; 32]"}]}}}},
            {"id": 6, "type": {"def": {"array": {"len": 32, "type": 7}}}},
            {"id": 7, "type": {"def": {"primitive": "u8"}}},
            {"id": 8, "type": {"def": {"primitive": "u128"}}},
            {"id": 9, "type": {"path": ["Option"], "def": {"variant": {"variants": [
              {"name": "None", "index": 0}, {"name": "Some", "index": 1, "fields": [{"type": 5}]}]}}}},
            {"id": 10, "type": {"def": {"sequence": {"type": 7}}}},
            {"id": 11, "type": {"path": ["ink_primitives", "types", "Hash"], "def": {"composite": {"fields": [{"type": 6}]}}}},
            {"id": 12, "type": {"def": {"primitive": "str"}}},
            {"id": 13, "type": {"path": ["erc20", "Error"], "def": {"variant": {"variants": [
              {"name": "InsufficientBalance", "index": 0},
              {"name": "Custom", "index": 1, "fields": [{"type": 12}]},
              {"name": "Pair", "index": 2, "fields": [{"type": 7}, {"type": 7}]},
              {"name": "Named", "index": 3, "fields": [{"name": "a", "type": 7}]}]}}}},
            {"id": 14, "type": {"path": ["Point"], "def": {"composite": {"fields": [{"name": "x", "type": 15}, {"name": "y", "type": 16}]}}}},
            {"id": 15, "type": {"def": {"primitive": "u32"}}},
            {"id": 16, "type": {"def": {"primitive": "i64"}}},
            {"id": 17, "type": {"def": {"compact": {"type": 8}}}},
            {"id": 18, "type": {"def": {"tuple": [7, 0]}}},
            {"id": 19, "type": {"def": {"sequence": {"type": 14}}}}
          ],
          "version": 5
        }
        """
}
