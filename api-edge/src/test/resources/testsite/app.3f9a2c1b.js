export const app = "hashed";
