const DISCORD_EPOCH = 1_420_070_400_000n;

/** Hands out increasing Discord snowflakes, so ids sort by creation like Discord's do. */
export class SnowflakeGenerator {
  #lastMs = 0n;
  #increment = 0n;

  next(): string {
    let ms = BigInt(Date.now()) - DISCORD_EPOCH;
    if (ms <= this.#lastMs) {
      ms = this.#lastMs;
      this.#increment += 1n;
      if (this.#increment > 4095n) {
        ms += 1n;
        this.#increment = 0n;
      }
    } else {
      this.#increment = 0n;
    }
    this.#lastMs = ms;
    return ((ms << 22n) | (1n << 17n) | this.#increment).toString();
  }
}

export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
