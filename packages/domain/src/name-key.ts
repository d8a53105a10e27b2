/** How names given by hand (interventions, arm labels) are compared: ignoring case and runs of spaces. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
