// test/components/gradUrl.test.ts: the visualizer's settings in the link: read with refusals explained, written short.
import { GRAD_DEFAULTS, matchingPreset, presetSettings } from "../../src/store/gradSettings";
import { gradHash, readGradUrl } from "../../src/store/gradUrl";

describe("gradient visualizer URL", () => {
  it("reads valid settings and lists each refused one with what is allowed", () => {
    const { settings, warnings, preset } = readGradUrl("#/visualizer/gradients?seqLength=80&hidden=99&init=orthogonal&whh=radius&whhValue=abc&foo=1&clip=maybe");
    expect(settings).toEqual({ ...GRAD_DEFAULTS, seqLength: 80, init: "orthogonal", whh: "radius" });
    expect(preset).toBeNull();
    expect(warnings).toEqual([
      "hidden=99: Hidden size must be a whole number from 2 to 64, not 99.",
      "whhValue=abc: Spectral radius or scale of W_hh must be a number from 0 to 10, not abc.",
      '"foo" is not a setting of this widget.',
      "clip=maybe: Gradient clipping must be on or off.",
    ]);
  });

  it("refuses a contradiction: a spectral radius of 0", () => {
    const { settings, warnings } = readGradUrl("#/visualizer/gradients?whh=radius&whhValue=0");
    expect(settings.whhValue).toBe(GRAD_DEFAULTS.whhValue);
    expect(warnings[0]).toMatch(/A spectral radius of 0 makes W_hh all zeros.*Using 1 for “Spectral radius or scale of W_hh”\./);
  });

  it("starts from a preset, and lets settings after it change it into a custom run", () => {
    const exploding = readGradUrl("#/visualizer/gradients?preset=exploding");
    expect(exploding.preset).toBe("exploding");
    expect(exploding.settings).toEqual(presetSettings("exploding", GRAD_DEFAULTS.seed));
    const custom = readGradUrl("#/visualizer/gradients?preset=exploding&clip=1");
    expect(custom.preset).toBeNull();
    expect(custom.settings).toMatchObject({ whhValue: 3, clip: true });
    expect(matchingPreset(custom.settings)).toBe("clippingRescues");
    expect(readGradUrl("#/visualizer/gradients?preset=nope").warnings[0]).toMatch(/preset=nope: there is no such preset; the presets are vanishing, exploding/);
  });

  it("writes only what differs from the defaults, keeps the page's own parameters, drops preset", () => {
    const hash = gradHash("#/visualizer/gradients?embed=1&preset=exploding&seqLength=50", { ...GRAD_DEFAULTS, seqLength: 120, clip: false });
    expect(hash).toBe("#/visualizer/gradients?embed=1&seqLength=120&clip=0");
    expect(gradHash("#/visualizer/gradients?seqLength=50", GRAD_DEFAULTS)).toBe("#/visualizer/gradients");
    // What is written reads back as the same settings.
    const s = presetSettings("lstmRescues", 3);
    expect(readGradUrl(gradHash("#/visualizer/gradients", s)).settings).toEqual(s);
  });
});
