# textwrap: wrap, fill, shorten, dedent, indent, TextWrapper options.
import textwrap

text = ('The quick brown fox jumps over the lazy dog. Pack my box with five dozen '
        'liquor jugs. A well-known sphinx of black quartz judges my vow.')
print(textwrap.wrap(text, 20))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('a verylongwordthatdoesnotfit here', 10))
print(textwrap.wrap('a verylongwordthatdoesnotfit here', 10, break_long_words=False))
print(textwrap.wrap('self-explanatory well-known long-term', 12))
print(textwrap.wrap('self-explanatory well-known', 12, break_on_hyphens=False))
print(textwrap.wrap('tab\there   and  spaces', 8))
print(textwrap.wrap('  leading and trailing  ', 10))
print(textwrap.wrap('  leading and trailing  ', 10, drop_whitespace=False))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10))
print(textwrap.shorten('Hello  world!  This is a test.', width=12))
print(textwrap.shorten('Hello world', width=11), textwrap.shorten('Hello world', 10, placeholder='...'))
print(textwrap.fill(text, 20, max_lines=3))
print(textwrap.fill(text, 20, max_lines=2, placeholder=' (more)'))
print(repr(textwrap.dedent('''
    def f():
        return 1
      
    end
''')))
print(repr(textwrap.dedent('\tone\n\ttwo')), repr(textwrap.dedent('  a\n b')))
print(repr(textwrap.indent('one\ntwo\n\nthree\n', '> ')))
print(repr(textwrap.indent('one\n\ntwo', '+', lambda line: True)))
w = textwrap.TextWrapper(width=15, fix_sentence_endings=True)
print(w.wrap('End here. Next one! ok'))
try:
    textwrap.wrap('abc', 0)
except ValueError as e:
    print('ValueError', e)
