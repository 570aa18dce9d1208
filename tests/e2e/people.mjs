// Synthetic people for the browser tests: valid personal numbers in the demo range (serial 9xx).

// A valid personal number (Luhn) for someone born on `yyyymmdd`, with a three-digit `serial`.
export function personalNumber(yyyymmdd, serial = '980') {
  const nine = `${yyyymmdd.slice(2)}${serial}`;
  let sum = 0;
  [...nine].forEach((c, i) => { const d = Number(c) * (i % 2 === 0 ? 2 : 1); sum += d > 9 ? d - 9 : d; });
  return `${yyyymmdd}-${serial}${(10 - (sum % 10)) % 10}`;
}

// The birth date, as YYYYMMDD, of someone `years` old today.
export function bornYearsAgo(years) {
  return new Date(Date.now() - years * 365.25 * 24 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
}
