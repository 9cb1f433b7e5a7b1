/** Orders values by their text, as `Array#sort()` without a comparator does. */
export const byText = (a: unknown, b: unknown): number => {
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};
