import { describe, expect, it } from "vitest";
import { parseCodeArg, readKnowledgeFormat } from "../../src/cli/commands/code-arg.js";
import { UsageError } from "../../src/diagnostics/errors.js";

describe("explain/compare arguments", () => {
  it("accepts 3-digit codes from 100 to 999", () => {
    expect(parseCodeArg("430", "code")).toBe(430);
    expect(parseCodeArg(" 499 ", "code")).toBe(499);
    expect(parseCodeArg(799, "code")).toBe(799);
  });

  it.each(["abc", "42", "1000", "099", "4.3", "", "43O"])("rejects %j as a usage error", (v) => {
    expect(() => parseCodeArg(v, "code")).toThrow(UsageError);
  });

  it("accepts only the three formats", () => {
    expect(readKnowledgeFormat("markdown")).toBe("markdown");
    expect(() => readKnowledgeFormat("html")).toThrow(UsageError);
  });
});
