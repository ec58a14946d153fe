import { useEditorContext } from "@graphiql/react";
import { useEffect, useRef } from "react";

/**
 * GraphiQL 3.8 opens its first default tab with an empty variables editor (it takes the query from the tab but
 * not the variables): put the tab's own variables there once, when the editor appears empty.
 */
export function FirstTabVariables() {
  const { variableEditor, tabs, activeTabIndex } = useEditorContext({ nonNull: true });
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !variableEditor) return;
    done.current = true;
    const wanted = tabs[activeTabIndex]?.variables;
    if (wanted && !variableEditor.getValue()) variableEditor.setValue(wanted);
  }, [variableEditor, tabs, activeTabIndex]);
  return null;
}
