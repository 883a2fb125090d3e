# Exceptions raised and caught in a loop: a parser that signals bad tokens with a custom
# exception hierarchy, try/except/else/finally, re-raise with `from`, and built-in
# ZeroDivisionError/KeyError/IndexError. Measures raise, handler matching and unwinding.


class ParseError(Exception):
    def __init__(self, token, pos):
        super().__init__("bad token " + token)
        self.token = token
        self.pos = pos


class EmptyToken(ParseError):
    pass


def parse_int(token, pos):
    if token == "":
        raise EmptyToken(token, pos)
    value = 0
    for ch in token:
        if ch < "0" or ch > "9":
            raise ParseError(token, pos)
        value = value * 10 + ord(ch) - 48
    return value


def checked_div(a, b):
    try:
        return a // b
    except ZeroDivisionError as e:
        raise ValueError("division by zero at " + str(a)) from e


tokens = []
x = 1
for i in range(240000):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    kind = x % 5
    if kind == 0:
        tokens.append("")
    elif kind == 1:
        tokens.append("12x" + str(i % 10))
    else:
        tokens.append(str(x % 100000))

empty = bad = good = total = finals = divs = lookups = 0
table = {"a": 1, "b": 2}
for pos in range(len(tokens)):
    try:
        v = parse_int(tokens[pos], pos)
    except EmptyToken:
        empty += 1
    except ParseError as e:
        bad += 1
        total += e.pos % 7
    else:
        good += 1
        total += v % 1000
    finally:
        finals += 1
    try:
        total += checked_div(pos, pos % 4)
    except ValueError as e:
        divs += 1 if isinstance(e.__cause__, ZeroDivisionError) else 0
    try:
        total += table["abc"[pos % 3]]
    except KeyError:
        lookups += 1
    try:
        total += tokens[pos * 3]
    except IndexError:
        lookups += 1
    except TypeError:
        lookups += 2
print("empty", empty, "bad", bad, "good", good, "finals", finals, "divs", divs,
      "lookups", lookups, "total", total)
