"""The condition language of ``if:``: parsed and type-checked at load time, never eval'd.

Grammar (lowest precedence first)::

    expr    := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
    sum     := unary (("+" | "-") unary)*
    unary   := "-" unary | atom
    atom    := INT | "true" | "false" | 'text' | NAME | "visited" "(" 'text' ")" | "(" expr ")"

A parsed expression is compiled into nested closures over the runtime's
variable tuple and visited bit mask, so evaluating one is a few function calls.

>>> scope = Scope({"trust": VarInfo("trust", "int", 0, 0, 5)}, lambda key: None)
>>> cond = compile_condition("trust >= 2 and not (trust == 5)", scope)
>>> cond.evaluate((3,), 0), cond.evaluate((5,), 0)
(True, False)
"""

from __future__ import annotations

import difflib
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .expr_syntax import Binary, Const, ExprError, Node, Parser, Unary, Var, Visited, tokenize
from .problems import quote

__all__ = [
    "MAX_CONDITION_CHARS",
    "MAX_NESTING",
    "MAX_TOKENS",
    "Condition",
    "Evaluator",
    "ExprError",
    "Scope",
    "VarInfo",
    "compile_condition",
]

Evaluator = Callable[[tuple[Any, ...], int], Any]


@dataclass(frozen=True, slots=True)
class VarInfo:
    """What the condition compiler needs to know of a declared variable."""

    name: str
    type: str  # "int" | "bool" | "enum"
    index: int
    min: int = 0
    max: int = 0
    values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Scope:
    """Names a condition may use: the declared variables, and a resolver for visited('...').

    ``visit_bit`` turns the argument of visited() into a bit number of the
    runtime's visited mask, or raises ExprError when it names nothing.
    """

    variables: Mapping[str, VarInfo]
    visit_bit: Callable[[str], int | None]


@dataclass(frozen=True, slots=True)
class Condition:
    """A compiled condition: its source, its evaluator and what it reads."""

    source: str
    evaluate: Evaluator = field(compare=False, repr=False)
    reads: frozenset[str] = frozenset()
    visits: frozenset[str] = frozenset()


# --- types and compilation --------------------------------------------------

_Type = tuple[str, VarInfo | None]  # ("int" | "bool" | "str" | "enum", the enum variable)
_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
    ">": operator.gt, ">=": operator.ge, "+": operator.add, "-": operator.sub,
}


def _describe(kind: str) -> str:
    return {"int": "a number", "bool": "true/false", "str": "a text", "enum": "a choice of values"}[kind]


class _Compiler:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.reads: set[str] = set()
        self.visits: set[str] = set()

    def compile(self, node: Node) -> tuple[_Type, Evaluator]:
        if isinstance(node, Const):
            return self.const(node)
        if isinstance(node, Var):
            return self.var(node)
        if isinstance(node, Visited):
            return self.visited(node)
        if isinstance(node, Unary):
            return self.unary(node)
        return self.binary(node)

    def const(self, node: Const) -> tuple[_Type, Evaluator]:
        value = node.value
        kind = "bool" if isinstance(value, bool) else "int" if isinstance(value, int) else "str"
        return (kind, None), lambda v, m: value

    def var(self, node: Var) -> tuple[_Type, Evaluator]:
        info = self.scope.variables.get(node.name)
        if info is None:
            close = difflib.get_close_matches(node.name, list(self.scope.variables), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ExprError(f"unknown variable {quote(node.name)}{hint}", node.offset)
        self.reads.add(info.name)
        index = info.index
        return (info.type, info if info.type == "enum" else None), lambda v, m: v[index]

    def visited(self, node: Visited) -> tuple[_Type, Evaluator]:
        try:
            bit = self.scope.visit_bit(node.key)
        except ExprError as exc:
            raise ExprError(exc.message, node.offset) from None
        self.visits.add(node.key)
        if bit is None:  # resolved later (only while checking syntax alone)
            return ("bool", None), lambda v, m: False
        mask = 1 << bit
        return ("bool", None), lambda v, m: (m & mask) != 0

    def unary(self, node: Unary) -> tuple[_Type, Evaluator]:
        (kind, _), inner = self.compile(node.operand)
        if node.op == "not":
            self.require(kind, "bool", node.offset, "'not'")
            return ("bool", None), lambda v, m: not inner(v, m)
        self.require(kind, "int", node.offset, "'-'")
        return ("int", None), lambda v, m: -inner(v, m)

    def binary(self, node: Binary) -> tuple[_Type, Evaluator]:
        left_t, left = self.compile(node.left)
        right_t, right = self.compile(node.right)
        op = node.op
        if op in ("and", "or"):
            self.require(left_t[0], "bool", node.offset, f"{op!r}")
            self.require(right_t[0], "bool", node.offset, f"{op!r}")
            if op == "and":
                return ("bool", None), lambda v, m: left(v, m) and right(v, m)
            return ("bool", None), lambda v, m: left(v, m) or right(v, m)
        if op in ("+", "-"):
            self.require(left_t[0], "int", node.offset, f"{op!r}")
            self.require(right_t[0], "int", node.offset, f"{op!r}")
            fn = _OPS[op]
            return ("int", None), lambda v, m: fn(left(v, m), right(v, m))
        self.check_comparison(node, left_t, right_t)
        fn = _OPS[op]
        return ("bool", None), self.comparison(fn, node, left, right)

    def comparison(self, fn: Callable[[Any, Any], Any], node: Binary,
                   left: Evaluator, right: Evaluator) -> Evaluator:
        # The common `variable OP literal` form gets a flat closure: it is on the hot path.
        lhs, rhs = node.left, node.right
        if isinstance(lhs, Var) and isinstance(rhs, Const):
            index, value = self.scope.variables[lhs.name].index, rhs.value
            return lambda v, m: fn(v[index], value)
        return lambda v, m: fn(left(v, m), right(v, m))

    def check_comparison(self, node: Binary, left_t: _Type, right_t: _Type) -> None:
        (lk, linfo), (rk, rinfo) = left_t, right_t
        op = node.op
        if "enum" in (lk, rk):
            info = linfo if lk == "enum" else rinfo
            other_kind, other = (rk, node.right) if lk == "enum" else (lk, node.left)
            assert info is not None
            if op not in ("==", "!="):
                raise ExprError(f"{info.name!r} is a choice of values: compare it with == or !=",
                                node.offset)
            if other_kind == "str" and isinstance(other, Const):
                self.check_enum_value(info, str(other.value), other.offset)
                return
            if other_kind == "enum":
                return
            raise ExprError(f"{info.name!r} is one of {', '.join(info.values)}: compare it with a quoted "
                            f"value like {info.name} == '{info.values[0]}'", node.offset)
        if lk != rk:
            raise ExprError(f"cannot compare {_describe(lk)} with {_describe(rk)}", node.offset)
        if lk == "str":
            raise ExprError("comparing two texts is always the same answer", node.offset)
        if lk == "bool" and op not in ("==", "!="):
            raise ExprError("true/false values are compared with == or != only", node.offset)
        if lk == "int":
            self.check_range(node.left, node.right)
            self.check_range(node.right, node.left)

    def check_range(self, var: Node, const: Node) -> None:
        if not (isinstance(var, Var) and isinstance(const, Const)):
            return
        info = self.scope.variables[var.name]
        value = const.value
        if isinstance(value, int) and not info.min <= value <= info.max:
            raise ExprError(f"{value} is outside the range of {info.name!r} ({info.min}..{info.max})",
                            const.offset)

    @staticmethod
    def check_enum_value(info: VarInfo, value: str, offset: int) -> None:
        if value not in info.values:
            close = difflib.get_close_matches(value, info.values, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ExprError(f"{quote(value)} is not a value of {info.name!r} "
                            f"({', '.join(info.values)}){hint}", offset)

    @staticmethod
    def require(kind: str, wanted: str, offset: int, what: str) -> None:
        if kind != wanted:
            raise ExprError(f"{what} needs {_describe(wanted)}, not {_describe(kind)}", offset)


MAX_TOKENS = 200
MAX_NESTING = 32
MAX_CONDITION_CHARS = 4000  # 200 tokens of any sensible length fit easily


def compile_condition(source: str, scope: Scope) -> Condition:
    """Parse, type-check and compile a condition; raise ExprError with an offset on any fault."""
    if not isinstance(source, str):
        raise ExprError("a condition is written as text, e.g. `trust >= 2`")
    if len(source) > MAX_CONDITION_CHARS:  # refused before any of it is read
        raise ExprError(f"the condition is {len(source):,} characters long; at most {MAX_CONDITION_CHARS:,}: "
                        "split it with a nested `if`", MAX_CONDITION_CHARS)
    tokens = tokenize(source, MAX_TOKENS + 1)
    if len(tokens) > MAX_TOKENS:
        raise ExprError(f"the condition is too long (more than {MAX_TOKENS} parts; at most {MAX_TOKENS}): "
                        "split it with a nested `if`", tokens[MAX_TOKENS].offset)
    depth = 0
    for tok in tokens:
        depth += tok.text == "(" and tok.kind == "op"
        depth -= tok.text == ")" and tok.kind == "op"
        if depth > MAX_NESTING:
            raise ExprError(f"parentheses nest more than {MAX_NESTING} deep", tok.offset)
    compiler = _Compiler(scope)
    try:
        (kind, _), evaluate = compiler.compile(Parser(source, tokens).parse())
    except RecursionError:  # chains of `not` are the only deep structure left
        raise ExprError("the condition nests too deeply", 0) from None
    if kind != "bool":
        raise ExprError(f"a condition must be true or false, but this is {_describe(kind)} "
                        "(compare it, e.g. `trust >= 1`)", 0)
    return Condition(source, evaluate, frozenset(compiler.reads), frozenset(compiler.visits))
