export const mod = 1;
