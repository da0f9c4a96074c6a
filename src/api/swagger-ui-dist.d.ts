// swagger-ui-dist ships no types; its one Node entry point used here returns the folder of its assets.
declare module 'swagger-ui-dist/absolute-path.js' {
  const getAbsoluteFSPath: () => string;
  export default getAbsoluteFSPath;
}
