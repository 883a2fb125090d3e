// The program shown on first load: short, and it prints something at once.
// Uses only what the interpreter runs today; grows with the language.
export const SAMPLE_PROGRAM = `# Fibonacci numbers below 100
a = 0
b = 1
while a < 100:
    print(a, end=" ")
    following = a + b
    a = b
    b = following
print()
print("done:", a, "is the first one past 100")
`;
