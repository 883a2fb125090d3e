# string: constants, capwords, Template.
import string
from string import Template

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), repr(string.printable))
print(string.capwords('hello   wORLD  foo'), string.capwords('a-b-c', '-'))

t = Template('$who likes $what; ${who}s cost $$5')
print(t.substitute(who='tim', what='kung pao'))
print(t.substitute({'who': 'ann', 'what': 'tea'}, what='coffee'))
print(t.safe_substitute(who='x'))
print(t.get_identifiers(), t.is_valid(), t.template)
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError', e)
bad = Template('cost: $ 5')
print(bad.is_valid(), bad.safe_substitute())
try:
    bad.substitute()
except ValueError as e:
    print('ValueError', e)
try:
    Template('line one\nand ${bad').substitute()
except ValueError as e:
    print('ValueError', e)
print(Template('$a$b ${a}x $').safe_substitute(a=1))


class Percent(Template):
    delimiter = '%'

print(Percent('%name is %%100').substitute(name='bob'))
