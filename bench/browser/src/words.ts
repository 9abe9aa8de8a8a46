/** Spells numbers in English words, as bench/src/main/java/dev/petrel/bench/Words.java does (speedtest1's text). */
const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', 'ten', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

export function words(n: number): string {
  const out: string[] = [];
  append(out, n);
  return out.join('');
}

function append(out: string[], n: number): void {
  if (n >= 1_000_000) {
    append(out, Math.floor(n / 1_000_000));
    out.push(' million');
    n %= 1_000_000;
    if (n === 0) return;
    out.push(' ');
  }
  if (n >= 1000) {
    append(out, Math.floor(n / 1000));
    out.push(' thousand');
    n %= 1000;
    if (n === 0) return;
    out.push(' ');
  }
  if (n >= 100) {
    out.push(ONES[Math.floor(n / 100)], ' hundred');
    n %= 100;
    if (n === 0) return;
    out.push(' ');
  }
  if (n >= 20) {
    out.push(TENS[Math.floor(n / 10)]);
    n %= 10;
    if (n === 0) return;
    out.push(' ');
  }
  out.push(ONES[n]);
}
