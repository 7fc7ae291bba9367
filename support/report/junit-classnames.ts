/** As XML attribute values are escaped (cucumber's JUnit printer escapes the same characters). */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * Puts the service in front of every testcase's classname ("wazo-foo.The ports the service
 * uses"): CI systems that merge the junit files of a matrix key testcases by classname and
 * name, and every service has the same features, so without it one service's results would
 * overwrite or merge with another's. The feature name is kept after the dot.
 */
export function qualifyTestcaseClassnames(xml: string, service: string): string {
  const prefix = `${escapeAttribute(service)}.`;
  return xml.replace(/(<testcase\b[^>]*?\sclassname=")([^"]*)"/g, (_match, head: string, classname: string) => `${head}${prefix}${classname}"`);
}
