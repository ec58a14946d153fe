import "../shared/cjk-font.css";
import "graphiql/graphiql.css";
import "./explorer.css";
import { GraphiQLInterface, GraphiQLProvider, GraphiQLProviderProps } from "graphiql";
import { createRoot } from "react-dom/client";
import operations from "../../test/contract/operations.graphql";
import examples from "./examples.json";
import { FirstTabVariables } from "./first-tab-variables";
import { explorerTabs } from "./tabs";
import { TokenPicker } from "./token-picker";

// The demo operations of DOMAIN §12 (kept in test/contract/operations.graphql), one tab each.
const tabs = explorerTabs(operations, examples);

const fetcher: GraphiQLProviderProps["fetcher"] = async (params, options) => {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return response.json();
};

function Explorer() {
  return (
    <GraphiQLProvider fetcher={fetcher} defaultTabs={tabs} shouldPersistHeaders={false}>
      <div className="hub-explorer">
        <header className="hub-bar">
          <strong>Federation hub · explorer</strong>
          <TokenPicker />
          <a href="/partner">partner page</a>
        </header>
        <GraphiQLInterface defaultEditorToolsVisibility="variables" showPersistHeadersSettings={false} />
        <FirstTabVariables />
      </div>
    </GraphiQLProvider>
  );
}

createRoot(document.getElementById("root")!).render(<Explorer />);
