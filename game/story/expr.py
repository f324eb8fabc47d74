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
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .problems import quote

Evaluator = Callable[[tuple[Any, ...], int], Any]


class ExprError(Exception):
    """A condition that does not parse or does not type-check; ``offset`` is 0-based in the source."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


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


# --- tokens -----------------------------------------------------------------

_TOKEN = re.compile(
    r"\s*(?:(?P<int>\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<str>'[^']*'|\"[^\"]*\")"
    r"|(?P<op>==|!=|<=|>=|<|>|\+|-|\(|\)|,)|(?P<bad>&&|\|\||!|=|\S))"
)
_HINTS = {"&&": "use 'and'", "||": "use 'or'", "!": "use 'not'", "=": "use '==' to compare"}


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # int | name | str | op | end
    text: str
    offset: int


def _tokens(source: str, limit: int | None = None) -> list[_Tok]:
    """The tokens of ``source`` and an end token; with ``limit``, at most that many (and no end token)."""
    result: list[_Tok] = []
    pos = 0
    while pos < len(source):
        if limit is not None and len(result) >= limit:
            return result  # the caller refuses so many: the rest is never looked at
        match = _TOKEN.match(source, pos)
        if match is None or match.lastgroup is None:  # only trailing whitespace left
            break
        kind = match.lastgroup
        text = match.group(kind)
        offset = match.start(kind)
        if kind == "bad":
            hint = _HINTS.get(text)
            raise ExprError(f"unexpected {quote(text)}" + (f": {hint}" if hint else ""), offset)
        result.append(_Tok(kind, text, offset))
        pos = match.end()
    result.append(_Tok("end", "", len(source)))
    return result


# --- syntax tree ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Const:
    value: int | bool | str
    offset: int


@dataclass(frozen=True, slots=True)
class _Var:
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class _Visited:
    key: str
    offset: int


@dataclass(frozen=True, slots=True)
class _Unary:
    op: str
    operand: _Node
    offset: int


@dataclass(frozen=True, slots=True)
class _Binary:
    op: str
    left: _Node
    right: _Node
    offset: int


_Node = _Const | _Var | _Visited | _Unary | _Binary
_COMPARE = ("==", "!=", "<", "<=", ">", ">=")


class _Parser:
    def __init__(self, source: str, tokens: list[_Tok] | None = None) -> None:
        self.toks = tokens if tokens is not None else _tokens(source)
        self.i = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expect(self, text: str) -> _Tok:
        tok = self.take()
        if tok.text != text:
            found = quote(tok.text) if tok.kind != "end" else "the end"
            raise ExprError(f"expected {text!r}, found {found}", tok.offset)
        return tok

    def parse(self) -> _Node:
        if self.peek().kind == "end":
            raise ExprError("the condition is empty", 0)
        node = self.or_()
        tok = self.peek()
        if tok.kind != "end":
            raise ExprError(f"unexpected {quote(tok.text)} after a complete condition", tok.offset)
        return node

    def or_(self) -> _Node:
        node = self.and_()
        while self.peek().text == "or" and self.peek().kind == "name":
            tok = self.take()
            node = _Binary("or", node, self.and_(), tok.offset)
        return node

    def and_(self) -> _Node:
        node = self.not_()
        while self.peek().text == "and" and self.peek().kind == "name":
            tok = self.take()
            node = _Binary("and", node, self.not_(), tok.offset)
        return node

    def not_(self) -> _Node:
        tok = self.peek()
        if tok.kind == "name" and tok.text == "not":
            self.take()
            return _Unary("not", self.not_(), tok.offset)
        return self.compare()

    def compare(self) -> _Node:
        node = self.sum()
        tok = self.peek()
        if tok.kind == "op" and tok.text in _COMPARE:
            self.take()
            node = _Binary(tok.text, node, self.sum(), tok.offset)
            nxt = self.peek()
            if nxt.kind == "op" and nxt.text in _COMPARE:
                raise ExprError("comparisons cannot be chained: join them with 'and'", nxt.offset)
        return node

    def sum(self) -> _Node:
        node = self.unary()
        while self.peek().kind == "op" and self.peek().text in ("+", "-"):
            tok = self.take()
            node = _Binary(tok.text, node, self.unary(), tok.offset)
        return node

    def unary(self) -> _Node:
        tok = self.peek()
        if tok.kind == "op" and tok.text == "-":
            self.take()
            operand = self.unary()
            if isinstance(operand, _Const) and type(operand.value) is int:
                return _Const(-operand.value, tok.offset)  # so range checks see -3 as a literal
            return _Unary("-", operand, tok.offset)
        return self.atom()

    def atom(self) -> _Node:
        tok = self.take()
        if tok.kind == "int":
            if len(tok.text) > 15:
                raise ExprError(f"the number {tok.text[:20]}... is too large", tok.offset)
            return _Const(int(tok.text), tok.offset)
        if tok.kind == "str":
            return _Const(tok.text[1:-1], tok.offset)
        if tok.kind == "op" and tok.text == "(":
            node = self.or_()
            self.expect(")")
            return node
        if tok.kind == "name":
            if tok.text in ("true", "false"):
                return _Const(tok.text == "true", tok.offset)
            if tok.text in ("and", "or", "not"):
                raise ExprError(f"{tok.text!r} needs a condition before it", tok.offset)
            if self.peek().text == "(":
                return self.call(tok)
            return _Var(tok.text, tok.offset)
        found = quote(tok.text) if tok.kind != "end" else "the end of the condition"
        raise ExprError(f"expected a value, found {found}", tok.offset)

    def call(self, name: _Tok) -> _Node:
        if name.text != "visited":
            raise ExprError(f"unknown function {quote(name.text)}: the only function is visited('scene')",
                            name.offset)
        self.expect("(")
        arg = self.take()
        if arg.kind != "str":
            raise ExprError("visited() takes a quoted scene or scene.label, e.g. visited('rooftop')",
                            arg.offset)
        self.expect(")")
        return _Visited(arg.text[1:-1], arg.offset)


def parse(source: str) -> _Node:
    """Parse ``source`` into a syntax tree; raise ExprError on a syntax error."""
    return _Parser(source).parse()


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

    def compile(self, node: _Node) -> tuple[_Type, Evaluator]:
        if isinstance(node, _Const):
            return self.const(node)
        if isinstance(node, _Var):
            return self.var(node)
        if isinstance(node, _Visited):
            return self.visited(node)
        if isinstance(node, _Unary):
            return self.unary(node)
        return self.binary(node)

    def const(self, node: _Const) -> tuple[_Type, Evaluator]:
        value = node.value
        kind = "bool" if isinstance(value, bool) else "int" if isinstance(value, int) else "str"
        return (kind, None), lambda v, m: value

    def var(self, node: _Var) -> tuple[_Type, Evaluator]:
        info = self.scope.variables.get(node.name)
        if info is None:
            close = difflib.get_close_matches(node.name, list(self.scope.variables), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ExprError(f"unknown variable {quote(node.name)}{hint}", node.offset)
        self.reads.add(info.name)
        index = info.index
        return (info.type, info if info.type == "enum" else None), lambda v, m: v[index]

    def visited(self, node: _Visited) -> tuple[_Type, Evaluator]:
        try:
            bit = self.scope.visit_bit(node.key)
        except ExprError as exc:
            raise ExprError(exc.message, node.offset) from None
        self.visits.add(node.key)
        if bit is None:  # resolved later (only while checking syntax alone)
            return ("bool", None), lambda v, m: False
        mask = 1 << bit
        return ("bool", None), lambda v, m: (m & mask) != 0

    def unary(self, node: _Unary) -> tuple[_Type, Evaluator]:
        (kind, _), inner = self.compile(node.operand)
        if node.op == "not":
            self.require(kind, "bool", node.offset, "'not'")
            return ("bool", None), lambda v, m: not inner(v, m)
        self.require(kind, "int", node.offset, "'-'")
        return ("int", None), lambda v, m: -inner(v, m)

    def binary(self, node: _Binary) -> tuple[_Type, Evaluator]:
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

    def comparison(self, fn: Callable[[Any, Any], Any], node: _Binary,
                   left: Evaluator, right: Evaluator) -> Evaluator:
        # The common `variable OP literal` form gets a flat closure: it is on the hot path.
        lhs, rhs = node.left, node.right
        if isinstance(lhs, _Var) and isinstance(rhs, _Const):
            index, value = self.scope.variables[lhs.name].index, rhs.value
            return lambda v, m: fn(v[index], value)
        return lambda v, m: fn(left(v, m), right(v, m))

    def check_comparison(self, node: _Binary, left_t: _Type, right_t: _Type) -> None:
        (lk, linfo), (rk, rinfo) = left_t, right_t
        op = node.op
        if "enum" in (lk, rk):
            info = linfo if lk == "enum" else rinfo
            other_kind, other = (rk, node.right) if lk == "enum" else (lk, node.left)
            assert info is not None
            if op not in ("==", "!="):
                raise ExprError(f"{info.name!r} is a choice of values: compare it with == or !=",
                                node.offset)
            if other_kind == "str" and isinstance(other, _Const):
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

    def check_range(self, var: _Node, const: _Node) -> None:
        if not (isinstance(var, _Var) and isinstance(const, _Const)):
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
    tokens = _tokens(source, MAX_TOKENS + 1)
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
        (kind, _), evaluate = compiler.compile(_Parser(source, tokens).parse())
    except RecursionError:  # chains of `not` are the only deep structure left
        raise ExprError("the condition nests too deeply", 0) from None
    if kind != "bool":
        raise ExprError(f"a condition must be true or false, but this is {_describe(kind)} "
                        "(compare it, e.g. `trust >= 1`)", 0)
    return Condition(source, evaluate, frozenset(compiler.reads), frozenset(compiler.visits))
