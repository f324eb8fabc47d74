"""The syntax of ``if:`` conditions: tokens, the syntax tree and the parser (no types, no values).

``expr`` type-checks and compiles what this module parses; the grammar is in its docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import quote


class ExprError(Exception):
    """A condition that does not parse or does not type-check; ``offset`` is 0-based in the source."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset



# --- tokens -----------------------------------------------------------------

TOKEN = re.compile(
    r"\s*(?:(?P<int>\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<str>'[^']*'|\"[^\"]*\")"
    r"|(?P<op>==|!=|<=|>=|<|>|\+|-|\(|\)|,)|(?P<bad>&&|\|\||!|=|\S))"
)
HINTS = {"&&": "use 'and'", "||": "use 'or'", "!": "use 'not'", "=": "use '==' to compare"}


@dataclass(frozen=True, slots=True)
class Tok:
    kind: str  # int | name | str | op | end
    text: str
    offset: int


def tokenize(source: str, limit: int | None = None) -> list[Tok]:
    """The tokens of ``source`` and an end token; with ``limit``, at most that many (and no end token)."""
    result: list[Tok] = []
    pos = 0
    while pos < len(source):
        if limit is not None and len(result) >= limit:
            return result  # the caller refuses so many: the rest is never looked at
        match = TOKEN.match(source, pos)
        if match is None or match.lastgroup is None:  # only trailing whitespace left
            break
        kind = match.lastgroup
        text = match.group(kind)
        offset = match.start(kind)
        if kind == "bad":
            hint = HINTS.get(text)
            raise ExprError(f"unexpected {quote(text)}" + (f": {hint}" if hint else ""), offset)
        result.append(Tok(kind, text, offset))
        pos = match.end()
    result.append(Tok("end", "", len(source)))
    return result


# --- syntax tree ------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Const:
    value: int | bool | str
    offset: int


@dataclass(frozen=True, slots=True)
class Var:
    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Visited:
    key: str
    offset: int


@dataclass(frozen=True, slots=True)
class Unary:
    op: str
    operand: Node
    offset: int


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node
    offset: int


Node = Const | Var | Visited | Unary | Binary
COMPARE = ("==", "!=", "<", "<=", ">", ">=")


class Parser:
    def __init__(self, source: str, tokens: list[Tok] | None = None) -> None:
        self.toks = tokens if tokens is not None else tokenize(source)
        self.i = 0

    def peek(self) -> Tok:
        return self.toks[self.i]

    def take(self) -> Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expect(self, text: str) -> Tok:
        tok = self.take()
        if tok.text != text:
            found = quote(tok.text) if tok.kind != "end" else "the end"
            raise ExprError(f"expected {text!r}, found {found}", tok.offset)
        return tok

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise ExprError("the condition is empty", 0)
        node = self.or_()
        tok = self.peek()
        if tok.kind != "end":
            raise ExprError(f"unexpected {quote(tok.text)} after a complete condition", tok.offset)
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.peek().text == "or" and self.peek().kind == "name":
            tok = self.take()
            node = Binary("or", node, self.and_(), tok.offset)
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.peek().text == "and" and self.peek().kind == "name":
            tok = self.take()
            node = Binary("and", node, self.not_(), tok.offset)
        return node

    def not_(self) -> Node:
        tok = self.peek()
        if tok.kind == "name" and tok.text == "not":
            self.take()
            return Unary("not", self.not_(), tok.offset)
        return self.compare()

    def compare(self) -> Node:
        node = self.sum()
        tok = self.peek()
        if tok.kind == "op" and tok.text in COMPARE:
            self.take()
            node = Binary(tok.text, node, self.sum(), tok.offset)
            nxt = self.peek()
            if nxt.kind == "op" and nxt.text in COMPARE:
                raise ExprError("comparisons cannot be chained: join them with 'and'", nxt.offset)
        return node

    def sum(self) -> Node:
        node = self.unary()
        while self.peek().kind == "op" and self.peek().text in ("+", "-"):
            tok = self.take()
            node = Binary(tok.text, node, self.unary(), tok.offset)
        return node

    def unary(self) -> Node:
        tok = self.peek()
        if tok.kind == "op" and tok.text == "-":
            self.take()
            operand = self.unary()
            if isinstance(operand, Const) and type(operand.value) is int:
                return Const(-operand.value, tok.offset)  # so range checks see -3 as a literal
            return Unary("-", operand, tok.offset)
        return self.atom()

    def atom(self) -> Node:
        tok = self.take()
        if tok.kind == "int":
            if len(tok.text) > 15:
                raise ExprError(f"the number {tok.text[:20]}... is too large", tok.offset)
            return Const(int(tok.text), tok.offset)
        if tok.kind == "str":
            return Const(tok.text[1:-1], tok.offset)
        if tok.kind == "op" and tok.text == "(":
            node = self.or_()
            self.expect(")")
            return node
        if tok.kind == "name":
            if tok.text in ("true", "false"):
                return Const(tok.text == "true", tok.offset)
            if tok.text in ("and", "or", "not"):
                raise ExprError(f"{tok.text!r} needs a condition before it", tok.offset)
            if self.peek().text == "(":
                return self.call(tok)
            return Var(tok.text, tok.offset)
        found = quote(tok.text) if tok.kind != "end" else "the end of the condition"
        raise ExprError(f"expected a value, found {found}", tok.offset)

    def call(self, name: Tok) -> Node:
        if name.text != "visited":
            raise ExprError(f"unknown function {quote(name.text)}: the only function is visited('scene')",
                            name.offset)
        self.expect("(")
        arg = self.take()
        if arg.kind != "str":
            raise ExprError("visited() takes a quoted scene or scene.label, e.g. visited('rooftop')",
                            arg.offset)
        self.expect(")")
        return Visited(arg.text[1:-1], arg.offset)


def parse(source: str) -> Node:
    """Parse ``source`` into a syntax tree; raise ExprError on a syntax error."""
    return Parser(source).parse()
