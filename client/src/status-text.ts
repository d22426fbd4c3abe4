// The status item's figures beside 字数 and 问题: the category with most problems, so that the
// bar tells what kind of problems a report has (问题 12（错别字 3）) without opening the tooltip,
// which lists them all. One category only, so that the item stays short.

export interface CategoryCount {
  name: string;
  count: number;
}

/** The category to name in the status item: the first (the server sorts them most first) when
 * there are problems; none when the report has none or the server sent no counts. */
export function leadingCategory(categories: readonly CategoryCount[] | undefined, problems: number): CategoryCount | undefined {
  if (problems <= 0 || !categories?.length) return undefined;
  const top = categories[0];
  return top.count > 0 ? top : undefined;
}
