# string for Terrarium, written from the Python 3.11 documentation.
# Provides the character-class constants, capwords and Template (substitute,
# safe_substitute, get_identifiers, is_valid; `delimiter` may be overridden by subclasses).
# Omits: Formatter, and Template.idpattern/pattern overrides (no `re` module yet: the
# placeholder syntax is parsed by hand with the default identifier rules).

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words, capitalize each, and join them again."""
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits


class Template:
    """$-substitution: $name, ${name}, and $$ for a literal delimiter."""

    delimiter = '$'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _parse(self):
        """Yield (kind, text, start): kind is 'text', 'escaped', 'named' or 'invalid'."""
        s = self.template
        delim = self.delimiter
        dl = len(delim)
        i = 0
        text_start = 0
        n = len(s)
        while True:
            j = s.find(delim, i)
            if j < 0:
                break
            if j > text_start:
                yield 'text', s[text_start:j], text_start
            k = j + dl
            if s.startswith(delim, k):
                yield 'escaped', delim, j
                i = text_start = k + dl
                continue
            braced = k < n and s[k] == '{'
            start = k + 1 if braced else k
            end = start
            if end < n and s[end] in _ID_START:
                end += 1
                while end < n and s[end] in _ID_CHARS:
                    end += 1
            name = s[start:end]
            if name and (not braced or (end < n and s[end] == '}')):
                yield 'named', name, j
                i = text_start = end + 1 if braced else end
                continue
            yield 'invalid', delim, k
            i = text_start = k
        if text_start < n:
            yield 'text', s[text_start:], text_start

    def _invalid(self, index):
        lines = self.template[:index].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = index - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    @staticmethod
    def _mapping(mapping, kws):
        if mapping is None:
            return kws
        if kws:
            return _Chain(kws, mapping)
        return mapping

    def substitute(self, mapping=None, /, **kws):
        mapping = self._mapping(mapping, kws)
        out = []
        for kind, text, index in self._parse():
            if kind == 'named':
                out.append('%s' % (mapping[text],))
            elif kind == 'invalid':
                self._invalid(index)
            else:
                out.append(text)
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        mapping = self._mapping(mapping, kws)
        out = []
        s = self.template
        for kind, text, index in self._parse():
            if kind == 'named':
                try:
                    out.append('%s' % (mapping[text],))
                except KeyError:
                    # Keep the placeholder exactly as written.
                    if s.startswith(self.delimiter + '{', index):
                        out.append(self.delimiter + '{' + text + '}')
                    else:
                        out.append(self.delimiter + text)
            else:
                out.append(text)
        return ''.join(out)

    def is_valid(self):
        return all(kind != 'invalid' for kind, _, _ in self._parse())

    def get_identifiers(self):
        ids = []
        for kind, text, _ in self._parse():
            if kind == 'named' and text not in ids:
                ids.append(text)
        return ids


class _Chain:
    """Lookup in the keyword arguments first, then in the mapping."""

    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        if key in self._first:
            return self._first[key]
        return self._second[key]
