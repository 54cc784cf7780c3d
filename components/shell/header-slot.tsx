// Extra header controls (notifications) mount here.
export function HeaderSlot() {
  return null;
}
