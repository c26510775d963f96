// Number formatting identical to Go's fmt `%.*f` (round half to even on the exact binary value),
// which Kiali uses for every rate and percentage in its JSON.

/** Go's `fmt.Sprintf("%.*f", digits, value)`. */
export function goFixed(value: number, digits: number): string {
  const fixed = value.toFixed(digits);
  // Only a value within rounding noise of a tie needs the (slow) exact decimal expansion.
  const scaled = Math.abs(value) * 10 ** digits;
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) return fixed;
  // JS rounds exact ties away from zero, Go to even; ties are rare but real (e.g. 12.25 -> "12.2").
  const exact = Math.abs(value).toFixed(Math.min(100, digits + 60));
  const tail = exact.slice(exact.indexOf('.') + 1 + digits);
  if (/^50*$/.test(tail)) {
    const down = (Math.sign(value) * Math.floor(Math.abs(value) * 10 ** digits)) / 10 ** digits;
    const lastDigit = Number(down.toFixed(digits).slice(-1));
    if (lastDigit % 2 === 0) return down.toFixed(digits);
  }
  return fixed;
}

/**
 * Kiali's `rateToString`: at least `minDigits` decimals, more (up to 5) so that small rates keep
 * one significant digit.
 */
export function rateToString(minDigits: number, rate: number): string {
  let digits = minDigits;
  const required = Math.ceil(Math.log10(1 / rate));
  if (required > digits) digits = Math.min(required, 5);
  return goFixed(rate, digits);
}
