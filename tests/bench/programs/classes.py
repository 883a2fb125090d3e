# Method calls on small classes: 2-D vectors and particles with __init__, attribute
# reads and writes, methods calling methods, a subclass using super(), a property and
# dunder operators. Measures instance creation, attribute access and bound-method calls.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.steps = 0

    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))
        self.steps += 1

    @property
    def energy(self):
        return self.vel.dot(self.vel)


class BouncyParticle(Particle):
    def __init__(self, pos, vel, box):
        super().__init__(pos, vel)
        self.box = box
        self.bounces = 0

    def step(self, dt):
        super().step(dt)
        if self.pos.x < 0 or self.pos.x > self.box:
            self.vel = Vec(-self.vel.x, self.vel.y)
            self.bounces += 1
        if self.pos.y < 0 or self.pos.y > self.box:
            self.vel = Vec(self.vel.x, -self.vel.y)
            self.bounces += 1


particles = []
for i in range(100):
    v = Vec((i % 7) - 3, (i % 5) - 2)
    if i % 2:
        particles.append(BouncyParticle(Vec(i % 50, (i * 3) % 50), v, 50))
    else:
        particles.append(Particle(Vec(i, -i), v))
for t in range(7500):
    for p in particles:
        p.step(1)
energy = 0
bounces = 0
spread = 0
origin = Vec(0, 0)
for p in particles:
    energy += p.energy
    bounces += getattr(p, "bounces", 0)
    d = p.pos - origin
    spread += d.dot(d) % 1000
print("energy", energy, "bounces", bounces, "spread", spread, "steps", particles[0].steps)
