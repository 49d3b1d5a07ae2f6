extension LabelSchema {
  /// The `labels.toml` a new workspace starts with: findings on a non-contrast CT of the head.
  public static let defaultTOML = """
    # annotty label schema: CT head (default). See labels.example.toml for every option.
    version = 1

    [[label]]
    name = "hemorrhage"
    color = "#e53935"
    hotkey = "1"
    kinds = ["box", "polygon", "classification"]

    [[label.attribute]]
    name = "subtype"
    type = "choice"
    choices = ["epidural", "subdural", "subarachnoid", "intraparenchymal", "intraventricular"]
    required = true

    [[label.attribute]]
    name = "acuity"
    type = "choice"
    choices = ["hyperacute", "acute", "subacute", "chronic", "mixed"]

    [[label.attribute]]
    name = "volume_ml"
    type = "number"
    min = 0
    max = 500

    [[label]]
    name = "ischemia"
    color = "#1e88e5"
    hotkey = "2"
    kinds = ["box", "polygon", "classification"]

    [[label.attribute]]
    name = "territory"
    type = "choice"
    choices = ["ACA", "MCA", "PCA", "vertebrobasilar", "watershed", "lacunar"]

    [[label.attribute]]
    name = "hemorrhagic_transformation"
    type = "boolean"

    [[label]]
    name = "mass"
    color = "#8e24aa"
    hotkey = "3"
    kinds = ["box", "polygon"]

    [[label.attribute]]
    name = "location"
    type = "choice"
    choices = ["intra-axial", "extra-axial", "intraventricular"]

    [[label.attribute]]
    name = "max_diameter_mm"
    type = "number"
    min = 0

    [[label]]
    name = "fracture"
    color = "#fdd835"
    hotkey = "4"
    kinds = ["box", "polygon"]

    [[label.attribute]]
    name = "depressed"
    type = "boolean"

    [[label]]
    name = "midline_shift"
    color = "#fb8c00"
    hotkey = "5"
    kinds = ["box", "classification"]

    [[label.attribute]]
    name = "shift_mm"
    type = "number"
    min = 0
    max = 50

    [[label]]
    name = "hydrocephalus"
    color = "#00acc1"
    hotkey = "6"
    kinds = ["polygon", "classification"]

    [[label]]
    name = "edema"
    color = "#43a047"
    hotkey = "7"
    kinds = ["polygon"]

    [[label]]
    name = "artifact"
    color = "#9e9e9e"
    hotkey = "9"
    kinds = ["box", "classification"]

    [[label.attribute]]
    name = "note"
    type = "text"

    [[question]]
    id = "study_quality"
    prompt = "Is the study diagnostic?"
    level = "study"
    answers = "single"
    choices = [
      { name = "diagnostic", hotkey = "d" },
      { name = "limited", hotkey = "l" },
      { name = "non-diagnostic", hotkey = "n" },
    ]

    [[question]]
    id = "findings"
    prompt = "Which findings does the study show?"
    level = "study"
    answers = "multiple"
    choices = ["none", "hemorrhage", "ischemia", "mass", "fracture", "hydrocephalus"]

    [[question]]
    id = "series_usable"
    prompt = "Is this series usable for training?"
    level = "series"
    choices = [{ name = "yes", hotkey = "y" }, { name = "no", hotkey = "n" }]

    [[question]]
    id = "slice_hemorrhage"
    prompt = "Does this slice show hemorrhage?"
    level = "image"
    choices = [{ name = "present", hotkey = "p" }, { name = "absent", hotkey = "a" }]

    """

  /// The default CT head schema, parsed from `defaultTOML` (a test proves it is valid).
  public static let `default`: LabelSchema = {
    do {
      return try LabelSchema.parse(toml: defaultTOML, fileName: "default labels.toml")
    } catch {
      // Unreachable while the tests pass; an empty schema beats crashing the viewer.
      return LabelSchema(labels: [], questions: [])
    }
  }()
}
