// Nothing on this page is interactive or shows the learner's progress: no JavaScript (README,
// "Which pages load JavaScript").
export const csr = false;
