use super::distance;

#[test]
fn typos_are_near() {
    assert_eq!(distance("crad", "card"), 2);
    assert_eq!(distance("card", "card"), 0);
    assert_eq!(distance("agent_photo", "agent_photo_id"), 3);
}
