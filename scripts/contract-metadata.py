#!/usr/bin/env python3
"""Generates ink!-v5 contract metadata (the `.contract` bundle's JSON without the code) from a short declaration
of a Swift contract's interface, so a PhalanxContractKit contract needs no hand-written type registry.

Usage: contract-metadata.py contract.json > metadata.json

Declaration (every selector is blake2_256(label)[0..4], as ink! 5 computes it for messages outside traits):
  {"name": "counter", "version": "0.1.0",
   "constructors": [{"label": "new", "args": [{"label": "start", "type": "u32"}], "payable": false}],
   "messages": [{"label": "increment", "args": [{"label": "by", "type": "u32"}], "mutates": true},
                {"label": "get", "returns": "u32"},
                {"label": "take", "args": [...], "mutates": true, "returns": "Result<u32, Error>"}],
   "errors": {"name": "Error", "variants": ["TooLarge", "Empty"]}}
Types: bool, u8…u128, i8…i128, String, AccountId, Hash, Vec<T>, Option<T>, (), and Result<T, E> where E is the
declared error enum (unit variants). Messages return ink!'s `MessageResult<T>` = Result<T, LangError>, constructors
`ConstructorResult<()>`, exactly as cargo-contract emits them, so the sandbox and the CLI decode arguments and results.
"""
import hashlib
import json
import re
import sys

PRIMITIVES = {"bool", "u8", "u16", "u32", "u64", "u128", "i8", "i16", "i32", "i64", "i128"}


class Registry:
    """The portable type registry: one id per distinct type, in first-use order."""

    def __init__(self, contract, errors):
        self.types, self.ids = [], {}
        self.contract, self.errors = contract, errors

    def add(self, key, build):
        if key not in self.ids:
            self.ids[key] = len(self.types)
            self.types.append(None)
            self.types[self.ids[key]] = {"id": self.ids[key], "type": build()}
        return self.ids[key]

    def resolve(self, name):
        name = name.replace(" ", "")
        if name in PRIMITIVES:
            return self.add(name, lambda: {"def": {"primitive": name}})
        if name == "String":
            return self.add(name, lambda: {"def": {"primitive": "str"}})
        if name == "()":
            return self.add(name, lambda: {"def": {"tuple": []}})
        if name in ("AccountId", "Hash"):
            array = self.add("[u8;32]", lambda: {"def": {"array": {"len": 32, "type": self.resolve("u8")}}})
            return self.add(name, lambda: {"path": ["ink_primitives", "types", name],
                                           "def": {"composite": {"fields": [{"type": array, "typeName": "[u8; 32]"}]}}})
        if self.errors and name == self.errors["name"]:
            return self.add(name, lambda: {"path": [self.contract, self.contract, name], "def": {"variant": {"variants": [
                {"name": variant, "index": index} for index, variant in enumerate(self.errors["variants"])]}}})
        generic = re.fullmatch(r"(Vec|Option|Result)<(.+)>", name)
        if not generic:
            sys.exit(f"contract-metadata: unsupported type {name!r}")
        kind, inner = generic.groups()
        if kind == "Vec":
            element = self.resolve(inner)
            return self.add(name, lambda: {"def": {"sequence": {"type": element}}})
        if kind == "Option":
            some = self.resolve(inner)
            return self.add(name, lambda: {"path": ["Option"], "params": [{"name": "T", "type": some}], "def": {"variant": {
                "variants": [{"name": "None", "index": 0}, {"name": "Some", "index": 1, "fields": [{"type": some}]}]}}})
        ok_name, err_name = split_pair(inner)
        return self.result(self.resolve(ok_name), self.resolve(err_name), name)

    def result(self, ok, err, key):
        return self.add(("Result", ok, err) if key is None else key, lambda: {
            "path": ["Result"], "params": [{"name": "T", "type": ok}, {"name": "E", "type": err}],
            "def": {"variant": {"variants": [{"name": "Ok", "index": 0, "fields": [{"type": ok}]},
                                             {"name": "Err", "index": 1, "fields": [{"type": err}]}]}}})

    def lang_error(self):
        return self.add("LangError", lambda: {"path": ["ink_primitives", "LangError"],
                                              "def": {"variant": {"variants": [{"name": "CouldNotReadInput", "index": 1}]}}})


def split_pair(text):
    depth = 0
    for index, char in enumerate(text):
        depth += char == "<"
        depth -= char == ">"
        if char == "," and depth == 0:
            return text[:index], text[index + 1:]
    sys.exit(f"contract-metadata: Result needs two types, got {text!r}")


def selector(label):
    return "0x" + hashlib.blake2b(label.encode(), digest_size=32).hexdigest()[:8]


def arguments(registry, declared):
    return [{"label": arg["label"], "type": {"type": registry.resolve(arg["type"]), "displayName": [arg["type"]]}}
            for arg in declared]


def main():
    spec = json.load(open(sys.argv[1]))
    name = spec["name"]
    registry = Registry(name, spec.get("errors"))
    lang_error = registry.lang_error()
    constructors = [{
        "label": c["label"], "selector": selector(c["label"]), "payable": c.get("payable", False), "default": False,
        "args": arguments(registry, c.get("args", [])),
        "returnType": {"type": registry.result(registry.resolve("()"), lang_error, None),
                       "displayName": ["ink_primitives", "ConstructorResult"]},
        "docs": c.get("docs", [])} for c in spec["constructors"]]
    messages = [{
        "label": m["label"], "selector": selector(m["label"]), "mutates": m.get("mutates", False),
        "payable": m.get("payable", False), "default": False, "args": arguments(registry, m.get("args", [])),
        "returnType": {"type": registry.result(registry.resolve(m.get("returns", "()")), lang_error, None),
                       "displayName": ["ink", "MessageResult"]},
        "docs": m.get("docs", [])} for m in spec["messages"]]
    metadata = {
        "source": {"hash": "0x" + "00" * 32, "language": "Swift (Embedded) via PhalanxContractKit", "compiler": "swiftc",
                   "wasm": "0x"},
        "contract": {"name": name, "version": spec.get("version", "0.1.0"), "authors": spec.get("authors", [])},
        "image": None,
        "spec": {"constructors": constructors, "messages": messages, "events": [], "environment": {},
                 "lang_error": {"type": lang_error}, "docs": spec.get("docs", [])},
        "storage": {"root": {"root_key": "0x00000000", "layout": {"struct": {"name": name, "fields": []}},
                             "ty": registry.resolve("()")}},
        "types": registry.types,
        "version": 5,
    }
    json.dump(metadata, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
