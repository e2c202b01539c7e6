declare module 'virtual:knowledge-pack' {
  const pack: import('./knowledge/schema').Pack;
  export default pack;
}
declare module '*.css?inline' {
  const css: string;
  export default css;
}
