import './index.css';
import './widgets.css';
