// build-web bundles .graphql files as text (esbuild's text loader).
declare module "*.graphql" {
  const text: string;
  export default text;
}

// build-web bundles CSS imports into main.css.
declare module "*.css";
