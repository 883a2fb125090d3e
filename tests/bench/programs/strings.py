# String building and slicing: run-length encode/decode, a Caesar cipher, palindrome
# search by slicing, and split/join/replace/find over a generated text. Measures str
# concatenation, join, indexing, slices (including [::-1]), ord/chr and str methods.

ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def make_text(n, seed):
    parts = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        length = 2 + x % 7
        word = ""
        for k in range(length):
            # Only letters a-g, so that repeated letters give run-length coding something to do.
            word += ALPHABET[(x >> (k * 3)) % 7]
        parts.append(word)
    return " ".join(parts)


def rle_encode(s):
    out = []
    i = 0
    n = len(s)
    while i < n:
        j = i
        while j < n and s[j] == s[i]:
            j += 1
        out.append(str(j - i) + s[i])
        i = j
    return "".join(out)


def rle_decode(s):
    out = []
    num = 0
    for ch in s:
        if "0" <= ch <= "9":
            num = num * 10 + ord(ch) - 48
        else:
            out.append(ch * num)
            num = 0
    return "".join(out)


def caesar(s, shift):
    out = []
    for ch in s:
        if ch == " ":
            out.append(ch)
        else:
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
    return "".join(out)


def count_palindromes(words):
    count = 0
    for w in words:
        if len(w) > 2 and w == w[::-1]:
            count += 1
    return count


text = make_text(100000, 2024)
enc = rle_encode(text)
assert rle_decode(enc) == text
secret = caesar(text, 13)
back = caesar(secret, 13)
words = back.split(" ")
pal = count_palindromes(words)
swapped = text.replace("ab", "BA").upper()
first = swapped.find("BAB")
windows = 0
for i in range(0, len(text) - 8, 3):
    if text[i:i + 4] == text[i + 4:i + 8][::-1]:
        windows += 1
print("len", len(text), "rle", len(enc), "pal", pal, "find", first, "windows", windows,
      "head", secret[:24], "tail", swapped[-12:])
