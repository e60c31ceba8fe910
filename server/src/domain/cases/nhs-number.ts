// NHS numbers are ten digits whose last is a modulus-11 check digit (NHS Data Dictionary). Checking it
// catches most typos, which matters because an NHS number match is treated as "same child".
export function normaliseNhsNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function isValidNhsNumber(raw: string): boolean {
  const digits = normaliseNhsNumber(raw);
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false; // no valid number has this remainder
  return (check === 11 ? 0 : check) === Number(digits[9]);
}
