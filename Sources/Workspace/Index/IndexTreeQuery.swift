import GRDB

/// The query behind `WorkspaceIndex.tree()`: one pass over series, one over stacks.
enum IndexTreeQuery {
  static func fetch(_ db: Database) throws -> [PatientNode] {
    var stacksBySeries: [Int64: [StackNode]] = [:]
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT series_ref, stack_key, label, frame_count, pixel_rows, pixel_columns,
          slice_spacing, warnings_json
        FROM stack WHERE series_ref IS NOT NULL ORDER BY id
        """)
    {
      let key: String = row["stack_key"]
      let node = StackNode(
        key: key, label: row["label"], frameCount: row["frame_count"], rows: row["pixel_rows"],
        columns: row["pixel_columns"], sliceSpacing: row["slice_spacing"],
        warnings: try StoredWarning.decode(row["warnings_json"], stackKey: key))
      stacksBySeries[row["series_ref"], default: []].append(node)
    }

    var patients: [PatientNode] = []
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT p.patient_id, p.patient_name, st.study_uid, st.study_date, st.study_description,
          se.id AS series_ref, se.series_uid, se.modality, se.series_number,
          se.series_description,
          (SELECT COUNT(*) FROM instance i WHERE i.series_ref = se.id) AS instance_count,
          (SELECT COUNT(*) FROM frame f JOIN instance i ON i.id = f.instance_ref
            WHERE i.series_ref = se.id) AS frame_count,
          (SELECT COUNT(*) FROM annotation a WHERE a.series_uid = se.series_uid AND a.deleted = 0)
            AS annotation_count,
          (SELECT COUNT(*) FROM instance i WHERE i.series_ref = se.id
            AND json_extract(i.header_json, '$.burned_in_risk') IS NOT NULL) AS burned_in_count
        FROM series se JOIN study st ON st.id = se.study_ref JOIN patient p ON p.id = st.patient_ref
        ORDER BY p.patient_id, p.id, st.study_date, st.study_uid, se.series_number, se.series_uid
        """)
    {
      let series = SeriesNode(
        seriesInstanceUID: row["series_uid"], modality: row["modality"],
        seriesNumber: row["series_number"], seriesDescription: row["series_description"],
        instanceCount: row["instance_count"], frameCount: row["frame_count"],
        annotationCount: row["annotation_count"], burnedInRiskCount: row["burned_in_count"],
        stacks: stacksBySeries[row["series_ref"]] ?? [])
      let patientID: String = row["patient_id"]
      let studyUID: String = row["study_uid"]
      if patients.last?.patientID != patientID {
        patients.append(
          PatientNode(patientID: patientID, patientName: row["patient_name"], studies: []))
      }
      let patient = patients.count - 1
      if patients[patient].studies.last?.studyInstanceUID != studyUID {
        patients[patient].studies.append(
          StudyNode(
            studyInstanceUID: studyUID, studyDate: row["study_date"],
            studyDescription: row["study_description"], series: []))
      }
      let study = patients[patient].studies.count - 1
      patients[patient].studies[study].series.append(series)
    }
    return patients
  }
}
