// The training screen lives in renderer/training/ (modules, quiz) and renderer/sessions/ (trainers).
export { TrainingScreen } from '../training/TrainingScreen';
